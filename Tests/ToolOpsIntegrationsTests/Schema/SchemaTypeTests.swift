import Foundation
import Testing
import ToolOpsCore
import ToolOpsIntegrations

@Suite("Schema of each supported type")
struct SchemaTypeTests {
    @Test("scalars map to JSON types and formats")
    func scalars() throws {
        let schema = try JSONSchema.for(Scalars.self)
        let expected: JSONValue = [
            "type": "object",
            "properties": [
                "text": ["type": "string"],
                "count": ["type": "integer"],
                "small": ["type": "integer"],
                "big": ["type": "integer"],
                "ratio": ["type": "number"],
                "weight": ["type": "number"],
                "flag": ["type": "boolean"],
                "when": ["type": "string", "format": "date-time"],
                "link": ["type": "string", "format": "uri"],
                "id": ["type": "string", "format": "uuid"],
                "anything": [:],
            ],
            "required": ["text", "count", "small", "big", "ratio", "weight", "flag", "when", "link", "id", "anything"],
        ]
        #expect(schema == expected)
    }

    @Test("nested types are inlined; optionals are nullable and not required")
    func nestedAndOptional() throws {
        let schema = try JSONSchema.for(Shapes.self)
        let address: JSONValue = [
            "type": "object",
            "properties": [
                "street": ["type": "string"],
                "zip": ["anyOf": [["type": "string"], ["type": "null"]], "default": nil],
            ],
            "required": ["street"],
        ]
        #expect(schema["properties"]?["home"] == address)
        #expect(schema["properties"]?["previous"] == ["type": "array", "items": address])
        #expect(
            schema["properties"]?["matrix"] == [
                "type": "array", "items": ["type": "array", "items": ["type": "integer"]],
            ])
        #expect(
            schema["properties"]?["nickname"] == ["anyOf": [["type": "string"], ["type": "null"]], "default": nil])
        #expect(schema["properties"]?["alias"] == ["anyOf": [address, ["type": "null"]], "default": nil])
        #expect(
            schema["required"]
                == ["home", "previous", "matrix", "color", "level", "palette", "scores", "labels"])
    }

    @Test("string and integer enums list their raw values")
    func enums() throws {
        let properties = try JSONSchema.for(Shapes.self)["properties"]
        #expect(properties?["color"] == ["type": "string", "enum": ["red", "green", "blue"]])
        #expect(properties?["level"] == ["type": "integer", "enum": [1, 5, 9]])
        #expect(
            properties?["palette"] == [
                "type": "array", "items": ["type": "string", "enum": ["red", "green", "blue"]],
            ])
    }

    @Test("string-keyed dictionaries become additionalProperties")
    func dictionaries() throws {
        let properties = try JSONSchema.for(Shapes.self)["properties"]
        #expect(properties?["scores"] == ["type": "object", "additionalProperties": ["type": "number"]])
        #expect(properties?["labels"]?["additionalProperties"]?["required"] == ["street"])
    }

    @Test("a recursive type terminates, its inner references described as any value")
    func recursion() throws {
        let schema = try JSONSchema.for(TreeNode.self)
        #expect(schema["properties"]?["parent"] == ["anyOf": [[:], ["type": "null"]], "default": nil])
        #expect(schema["properties"]?["children"] == ["type": "array", "items": [:]])
        #expect(schema["properties"]?["byName"] == ["type": "object", "additionalProperties": [:]])
        #expect(schema["required"] == ["name", "children", "byName"])
    }

    @Test("a top-level array or scalar has its own schema")
    func topLevel() throws {
        #expect(try JSONSchema.for([Int].self) == ["type": "array", "items": ["type": "integer"]])
        #expect(try JSONSchema.for(String.self) == ["type": "string"])
        #expect(try JSONSchema.for(Color.self) == ["type": "string", "enum": ["red", "green", "blue"]])
    }
}

import Testing
import ToolOpsCore
import ToolOpsIntegrations

/// OpenAI strict mode: closed objects, everything required, refused keywords refused.
@Suite("OpenAI strict mode")
struct StrictModeTests {
    /// Every object schema in `schema`, with its JSON Pointer.
    static func objects(in schema: JSONValue, at path: String = "") -> [(String, [String: JSONValue])] {
        switch schema {
        case .object(let node):
            let here = node["type"] == "object" || node["properties"] != nil ? [(path, node)] : []
            return here + node.sorted { $0.key < $1.key }.flatMap { objects(in: $0.value, at: "\(path)/\($0.key)") }
        case .array(let elements):
            return elements.enumerated().flatMap { objects(in: $0.element, at: "\(path)/\($0.offset)") }
        default:
            return []
        }
    }

    @Test(
        "every object is closed and requires all its properties, at every depth",
        arguments: [
            ToolFormat.openAIChat(strict: true), .openAIResponses(strict: true),
        ])
    func strictInvariants(format: ToolFormat) throws {
        let exported = try ToolExporter.export(Fixtures.nested, as: format)
        let parameters = try #require(exported["function"]?["parameters"] ?? exported["parameters"])
        let objects = Self.objects(in: parameters)
        // root, customer, customer.address, lines.items
        #expect(objects.count == 4)
        for (path, node) in objects {
            #expect(node["additionalProperties"] == false, "\(path)")
            let names = Set(node["properties"]?.objectValue?.keys.map { $0 } ?? [])
            let required = Set(node["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            #expect(required == names, "\(path)")
        }
    }

    @Test("optional properties without a default become nullable; defaulted ones keep their type")
    func optionalPropertiesBecomeNullable() throws {
        let exported = try ToolExporter.export(Fixtures.nested, as: .openAIChat(strict: true))
        let properties = try #require(exported["function"]?["parameters"]?["properties"])
        #expect(properties["gift"] == ["anyOf": [["type": "boolean"], ["type": "null"]]])
        // An optional object is wrapped whole; inside it, the already nullable `zip` is left as it was.
        let address = try #require(properties["customer"]?["properties"]?["address"]?["anyOf"]?.arrayValue)
        #expect(address.count == 2 && address[1] == ["type": "null"])
        #expect(address[0]["properties"]?["zip"] == ["type": ["string", "null"]])
        let quantity = properties["lines"]?["items"]?["properties"]?["quantity"]
        #expect(quantity == ["type": "integer", "minimum": 1, "description": "(default: 1)"])
    }

    @Test("oneOf becomes anyOf, unsupported formats are dropped, supported keywords are kept")
    func keywordHandling() throws {
        let exported = try ToolExporter.export(Fixtures.nested, as: .openAIChat(strict: true))
        let properties = try #require(exported["function"]?["parameters"]?["properties"])
        #expect(
            properties["kind"] == [
                "anyOf": [["anyOf": [["const": "standard"], ["const": "express"]]], ["type": "null"]]
            ])
        let line = properties["lines"]?["items"]?["properties"]
        #expect(line?["note"] == ["anyOf": [["type": "string"], ["type": "null"]]])  // format "uri" dropped
        #expect(line?["sku"]?["pattern"] == "^[A-Z]{3}-[0-9]+$")
        #expect(properties["customer"]?["properties"]?["id"]?["format"] == "uuid")
        #expect(properties["lines"]?["minItems"] == 1)
        #expect(exported["function"]?["strict"] == true)
    }

    @Test("non-strict export leaves the schema as it was")
    func nonStrictIsUnchanged() throws {
        let exported = try ToolExporter.export(Fixtures.nested, as: .openAIChat(strict: false))
        #expect(exported["function"]?["parameters"] == Fixtures.nested.inputSchema)
        #expect(exported["function"]?["strict"] == nil)
        #expect(try ToolExporter.export(Fixtures.nested, as: .openAIResponses(strict: false))["strict"] == false)
    }

    static let refused: [(String, JSONValue, String)] = [
        ("allOf", ["allOf": [["type": "string"], ["minLength": 2]]], "/properties/field"),
        ("dictionary", ["type": "object", "additionalProperties": ["type": "integer"]], "/properties/field"),
        ("free-form object", ["type": "object"], "/properties/field"),
        ("not", ["not": ["type": "null"]], "/properties/field"),
    ]

    @Test("keywords strict mode cannot express are refused with their location", arguments: refused)
    func refusedKeywords(label: String, field: JSONValue, path: String) {
        let definition = ToolDefinition(
            descriptor: ToolDescriptor(name: "t"),
            inputSchema: ["type": "object", "properties": ["field": field], "required": ["field"]])
        #expect(throws: ToolExportError.self, "\(label)") {
            try ToolExporter.export(definition, as: .openAIChat(strict: true))
        }
        do {
            _ = try ToolExporter.export(definition, as: .openAIChat(strict: true))
        } catch {
            #expect(error.code == .unsupportedSchema, "\(label)")
            #expect(error.schemaPath == path, "\(label)")
            #expect(error.description.contains("strict: false"), "\(label)")
        }
    }
}

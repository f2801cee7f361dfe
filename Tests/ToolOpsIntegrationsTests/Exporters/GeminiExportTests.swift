import Testing
import ToolOpsCore
import ToolOpsIntegrations

/// Gemini: the OpenAPI 3.0 subset, nullable instead of null, no additionalProperties.
@Suite("Gemini export")
struct GeminiExportTests {
    static func keys(in value: JSONValue) -> Set<String> {
        switch value {
        case .object(let node): Set(node.keys).union(node.values.flatMap(keys))
        case .array(let elements): Set(elements.flatMap(keys))
        default: []
        }
    }

    @Test("no additionalProperties, $schema, oneOf, const or null type survives, at any depth")
    func unsupportedKeywordsAreGone() throws {
        for definition in [Fixtures.nested, Fixtures.searchTickets] {
            let parameters = try #require(try ToolExporter.export(definition, as: .gemini)["parameters"])
            let keys = Self.keys(in: parameters)
            for keyword in ["additionalProperties", "$schema", "oneOf", "const", "$defs", "$ref"] {
                #expect(!keys.contains(keyword), "\(definition.name): \(keyword)")
            }
            #expect(!parameters.description.contains("\"null\""), "\(definition.name)")
        }
    }

    @Test("null unions become nullable, oneOf of consts becomes anyOf of enums")
    func nullableAndUnions() throws {
        let exported = try ToolExporter.export(Fixtures.nested, as: .gemini)
        let properties = try #require(exported["parameters"]?["properties"])
        #expect(
            properties["customer"]?["properties"]?["address"]?["properties"]?["zip"] == [
                "type": "string", "nullable": true,
            ])
        #expect(properties["kind"] == ["anyOf": [["enum": ["standard"]], ["enum": ["express"]]]])
        #expect(properties["customer"]?["properties"]?["email"] == ["type": "string"])  // format email dropped
        let searchTickets = try ToolExporter.export(Fixtures.searchTickets, as: .gemini)
        #expect(
            searchTickets["parameters"]?["properties"]?["assignee"]
                == ["type": "string", "nullable": true, "default": nil, "description": "Assignee login (docstring)."])
    }

    @Test("$ref is inlined from $defs, and a recursive $ref is refused")
    func references() throws {
        let node: JSONValue = [
            "type": "object", "properties": ["value": ["type": "integer"], "next": ["$ref": "#/$defs/Node"]],
        ]
        let linked = ToolDefinition(
            descriptor: ToolDescriptor(name: "walk"),
            inputSchema: ["type": "object", "properties": ["head": ["$ref": "#/$defs/Node"]], "$defs": ["Node": node]])
        #expect {
            try ToolExporter.export(linked, as: .gemini)
        } throws: { error in
            let error = error as? ToolExportError
            return error?.code == .unsupportedSchema && error?.schemaPath == "/properties/head/properties/next"
        }
        let point: JSONValue = [
            "type": "object", "properties": ["x": ["type": "number"]], "additionalProperties": false,
        ]
        let flat = ToolDefinition(
            descriptor: ToolDescriptor(name: "plot"),
            inputSchema: [
                "type": "object", "properties": ["at": ["$ref": "#/$defs/Point", "description": "Where."]],
                "$defs": ["Point": point],
            ])
        let exported = try ToolExporter.export(flat, as: .gemini)
        #expect(
            exported["parameters"]?["properties"]?["at"]
                == ["type": "object", "properties": ["x": ["type": "number"]], "description": "Where."])
    }

    @Test("a tool without arguments has no parameters")
    func noArguments() throws {
        let definition = ToolDefinition(
            descriptor: ToolDescriptor(name: "ping", description: "Pings."), inputSchema: ["type": "object"])
        #expect(try ToolExporter.export(definition, as: .gemini) == ["name": "ping", "description": "Pings."])
        // OpenAI, by contrast, wants an explicit empty `properties`.
        #expect(
            try ToolExporter.export(definition, as: .openAIChat(strict: true))["function"]?["parameters"]
                == ["type": "object", "properties": [:], "required": [], "additionalProperties": false])
    }
}

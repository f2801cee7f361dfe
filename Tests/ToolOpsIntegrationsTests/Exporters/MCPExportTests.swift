import Testing
import ToolOpsCore
import ToolOpsIntegrations

/// MCP tools/list items: annotations from the effect, outputSchema only when there is one.
@Suite("MCP export")
struct MCPExportTests {
    static let effects: [(ToolEffect, JSONValue)] = [
        (.readOnly, ["readOnlyHint": true]),
        (.sideEffect(idempotent: false), ["readOnlyHint": false, "destructiveHint": true, "idempotentHint": false]),
        (.sideEffect(idempotent: true), ["readOnlyHint": false, "destructiveHint": true, "idempotentHint": true]),
    ]

    @Test("annotations follow the tool's effect", arguments: effects)
    func annotations(effect: ToolEffect, expected: JSONValue) throws {
        let exported = try ToolExporter.export(Fixtures.tool(named: "t", effect: effect), as: .mcp)
        #expect(exported["annotations"] == expected)
        #expect(exported["annotations"]?["openWorldHint"] == nil)
    }

    @Test("outputSchema is written only when the definition has one")
    func outputSchemaOnlyWhenPresent() throws {
        #expect(try ToolExporter.export(Fixtures.searchTickets, as: .mcp)["outputSchema"] == nil)
        let stats = try ToolExporter.export(Fixtures.ticketStats, as: .mcp)
        #expect(stats["outputSchema"] == Fixtures.ticketStats.outputSchema)
        // Other formats have nowhere to put it.
        #expect(try ToolExporter.export(Fixtures.ticketStats, as: .anthropic)["outputSchema"] == nil)
    }

    @Test("a non-object outputSchema is refused, since MCP requires an object")
    func outputSchemaMustBeObject() {
        var definition = Fixtures.ticketStats
        definition.outputSchema = ["type": "array", "items": ["type": "string"]]
        #expect {
            try ToolExporter.export(definition, as: .mcp)
        } throws: { error in
            let error = error as? ToolExportError
            return error?.code == .invalidSchema && error?.message.contains("outputSchema") == true
        }
    }

    @Test("a tool without a description has no description key")
    func emptyDescriptionIsLeftOut() throws {
        let definition = ToolDefinition(descriptor: ToolDescriptor(name: "t"), inputSchema: ["type": "object"])
        #expect(try ToolExporter.export(definition, as: .mcp)["description"] == nil)
        #expect(
            try ToolExporter.export(definition, as: .anthropic) == ["name": "t", "input_schema": ["type": "object"]])
    }
}

import Testing
import ToolOpsCore
import ToolOpsIntegrations

@Suite("Schema matches the LangChain reference")
struct ReferenceSchemaTests {
    @Test("search_tickets schema equals LangChain's parameters")
    func searchTicketsMatchesReference() throws {
        let expected = try JSONValue(parsing: referenceSearchTicketsParameters)
        let schema = try JSONSchema.for(SearchTickets.self)
        #expect(schema == expected)
    }

    @Test("required lists the required keys in declaration order")
    func requiredInDeclarationOrder() throws {
        let schema = try JSONSchema.for(SearchTickets.self)
        #expect(schema["required"] == ["query", "min_score", "tags", "created"])
    }

    @Test("ToolDefinition(tool:) carries the generated input schema")
    func toolDefinitionUsesGeneratedSchema() throws {
        let tool = try Tool(ToolDescriptor(name: "search_tickets", description: "Search the ticket tracker.")) {
            (input: SearchTickets) in input.query
        }
        let definition = try ToolDefinition(tool: tool)
        #expect(definition.inputSchema == (try JSONValue(parsing: referenceSearchTicketsParameters)))
        #expect(definition.descriptor.description == "Search the ticket tracker.")
        #expect(definition.outputSchema == JSONValue?.none)
    }
}

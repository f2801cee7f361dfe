import Testing
import ToolOpsCore
import ToolOpsIntegrations

/// Each exporter's output for `search_tickets` equals a committed golden file.
@Suite("Exporter golden files")
struct GoldenExportTests {
    static let cases: [(ToolFormat, String)] = [
        (.openAIChat(strict: false), "openai_chat.json"),
        (.openAIChat(strict: true), "openai_chat_strict.json"),
        (.openAIResponses(strict: false), "openai_responses.json"),
        (.openAIResponses(strict: true), "openai_responses_strict.json"),
        (.anthropic, "anthropic.json"),
        (.anthropicStrict, "anthropic_strict.json"),
        (.gemini, "gemini.json"),
        (.langChain, "langchain.json"),
        (.mcp, "mcp.json"),
    ]

    @Test("search_tickets exports to the golden JSON", arguments: cases)
    func searchTicketsMatchesGolden(format: ToolFormat, file: String) throws {
        let exported = try ToolExporter.export(Fixtures.searchTickets, as: format)
        if Golden.updating { try Golden.write(exported, to: file) }
        let golden = try Golden.load(file)
        #expect(exported == golden, "\(format): \(ShapeDiff.differences(exported, golden))")
    }

    @Test("exportAll wraps Gemini declarations in functionDeclarations and MCP tools in a tools/list result")
    func exportAllContainers() throws {
        let tools = [Fixtures.searchTickets, Fixtures.ticketStats]
        let gemini = try ToolExporter.exportAll(tools, as: .gemini)
        #expect(
            gemini["functionDeclarations"]?.arrayValue?.compactMap { $0["name"] } == ["search_tickets", "ticket_stats"])
        let mcp = try ToolExporter.exportAll(tools, as: .mcp)
        #expect(mcp["tools"]?.arrayValue?.count == 2)
        let anthropic = try ToolExporter.exportAll(tools, as: .anthropic)
        #expect(anthropic.arrayValue?.first == (try ToolExporter.export(Fixtures.searchTickets, as: .anthropic)))
    }

    @Test("exportAll refuses two tools with the same name")
    func exportAllRejectsDuplicates() {
        #expect {
            try ToolExporter.exportAll(
                [Fixtures.searchTickets, Fixtures.searchTickets], as: .openAIChat(strict: false))
        } throws: { error in
            (error as? ToolExportError)?.code == .duplicateName
        }
    }

    @Test("an input schema that is not an object schema is refused")
    func inputMustBeObject() {
        let definition = ToolDefinition(descriptor: ToolDescriptor(name: "echo"), inputSchema: ["type": "string"])
        #expect(throws: ToolExportError.self) { try ToolExporter.export(definition, as: .anthropic) }
        #expect {
            try ToolExporter.export(definition, as: .mcp)
        } throws: { error in
            (error as? ToolExportError)?.code == .invalidSchema
        }
    }
}

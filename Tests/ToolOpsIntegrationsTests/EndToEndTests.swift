import Testing
import ToolOpsCore
import ToolOpsIntegrations
import ToolOpsTesting

/// The three parts together: a schema generated from a Swift type, exported for a model, and the
/// model's calls validated and run against that same schema.
@Suite("From a Swift type to a model's tool call")
struct EndToEndTests {
    @Test("generated schema → OpenAI strict export → a misspelt field is refused with did-you-mean, a valid call runs")
    func generatedSchemaDrivesExecution() async throws {
        let calls = Counter()
        let tool = try Tool(ToolDescriptor(name: "search_tickets", description: "Search support tickets.")) {
            (input: SearchTickets) -> String in
            calls.increment()
            return "\(input.query):\(input.limit)"
        }
        let definition = try ToolDefinition(tool: tool)
        let exported = try definition.exported(as: .openAIChat(strict: true))
        #expect(exported["function"]?["name"] == "search_tickets")
        #expect(exported["function"]?["parameters"]?["additionalProperties"] == false)

        var registry = ToolRegistry()
        try registry.register(tool, definition: definition)
        let executor = ToolExecutor(registry: registry)
        let created: JSONValue = ["start": "2026-01-01"]
        let results = await executor.execute([
            ToolCallRequest(
                id: "call_1", name: "search_tickets",
                arguments: ["query": "refund", "min_scor": 0.5, "tags": [], "created": created]),
            ToolCallRequest(
                id: "call_2", name: "search_tickets",
                arguments: ["query": "refund", "min_score": 0.5, "tags": ["billing"], "created": created]),
        ])

        #expect(results.map(\.callID) == ["call_1", "call_2"])
        #expect(results[0].isError)
        let error = try JSONValue(parsing: results[0].content)["error"]
        #expect(error?["code"] == "invalidArguments")
        #expect(results[0].content.contains("min_score"), "the refusal names the field the model should have sent")
        #expect(!results[1].isError)
        #expect(try JSONValue(parsing: results[1].content) == "refund:10", "the default applies to an omitted limit")
        #expect(calls.value == 1, "the invalid call never reached the tool")
    }
}

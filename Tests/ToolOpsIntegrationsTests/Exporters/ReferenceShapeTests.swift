import Testing
import ToolOpsCore
import ToolOpsIntegrations

/// Our output compared field by field with what the Python ecosystem produces for the same tool
/// (copies of ../shared/interop/reference-output/ in Golden/reference/). Each test lists the
/// intentional differences; any other difference fails.
@Suite("Exporters match the Python reference shapes")
struct ReferenceShapeTests {
    @Test("OpenAI Chat Completions and LangChain equal convert_to_openai_tool")
    func openAIChatMatchesLangChain() throws {
        let reference = try Golden.load("reference/langchain_openai_tool.json")
        for format in [ToolFormat.openAIChat(strict: false), .langChain] {
            let ours = try ToolExporter.export(Fixtures.searchTickets, as: format)
            #expect(ShapeDiff.differences(ours, reference) == [], "\(format)")
        }
    }

    @Test("OpenAI strict matches convert_to_openai_tool(strict=True) except for defaults")
    func openAIStrictMatchesLangChainStrict() throws {
        let reference = try Golden.load("reference/langchain_openai_tool_strict.json")
        let ours = try ToolExporter.export(Fixtures.searchTickets, as: .openAIChat(strict: true))
        #expect(
            ShapeDiff.differences(ours, reference).sorted()
                == Self.defaultsMovedToDescriptions(under: "/function/parameters/properties"))
    }

    @Test("Anthropic strict matches convert_to_anthropic_tool(strict=True) except for defaults")
    func anthropicStrictMatchesLangChainStrict() throws {
        let reference = try Golden.load("reference/langchain_anthropic_tool_strict.json")
        for format in [ToolFormat.anthropicStrict, .anthropic(strict: true)] {
            let ours = try ToolExporter.export(Fixtures.searchTickets, as: format)
            #expect(ours["strict"] == true)
            #expect(
                ShapeDiff.differences(ours, reference).sorted()
                    == Self.defaultsMovedToDescriptions(under: "/input_schema/properties"))
        }
        #expect(try ToolExporter.export(Fixtures.searchTickets, as: .anthropic(strict: false))["strict"] == nil)
    }

    /// The differences from LangChain's strict output: LangChain keeps `default` in strict mode; we
    /// move it into the description, because OpenAI has rejected `default` in strict schemas
    /// ("'default' is not permitted") and Azure OpenAI still does. Nothing else differs: same closed
    /// objects, same `required`.
    static func defaultsMovedToDescriptions(under properties: String) -> [String] {
        let defaulted = [
            ("\(properties)/assignee", "Assignee login (docstring).", "null"),
            ("\(properties)/created/properties/end", "End date, YYYY-MM-DD; open-ended if omitted", "null"),
            ("\(properties)/include_closed", "Also return closed tickets (docstring).", "false"),
            ("\(properties)/limit", "Maximum number of results (docstring).", "10"),
            ("\(properties)/priority", "Priority filter (docstring).", "\"normal\""),
            ("\(properties)/sort", "Sort direction (docstring).", "\"desc\""),
        ]
        var expected: [String] = []
        for (path, description, value) in defaulted {
            expected.append("\(path)/default: missing from ours")
            // A null default adds nothing to a nullable type, so it leaves no note.
            if value != "null" {
                let amended = JSONValue.string("\(description) (default: \(value))")
                expected.append("\(path)/description: \(amended) != \(JSONValue.string(description))")
            }
        }
        return expected.sorted()
    }

    @Test("Anthropic equals langchain-anthropic convert_to_anthropic_tool")
    func anthropicMatchesLangChainAnthropic() throws {
        let reference = try Golden.load("reference/langchain_anthropic_tool.json")
        let ours = try ToolExporter.export(Fixtures.searchTickets, as: .anthropic)
        #expect(ShapeDiff.differences(ours, reference) == [])
    }

    @Test("MCP matches the Python SDK's tools/list items, plus annotations")
    func mcpMatchesPythonSDK() throws {
        let listed = try #require(try Golden.load("reference/mcp_v2_mcpserver_server_list_tools.json").arrayValue)
        let cases = [(Fixtures.searchTickets, listed[0]), (Fixtures.ticketStats, listed[1])]
        for (definition, item) in cases {
            let reference = ShapeDiff.inliningReferences(item)
            let ours = try ToolExporter.export(definition, as: .mcp)
            // Intentional: the SDK puts `$defs`/`$ref` and pydantic `title`s in the schema (normalised away
            // above), takes descriptions from the docstring and `Field`s (so only their presence is
            // compared), and writes annotations only when told; we always derive them from the effect.
            #expect(
                ShapeDiff.differences(ours, reference, presenceOnly: ["description"]) == ["/annotations: only in ours"],
                "\(definition.name)")
        }
    }
}

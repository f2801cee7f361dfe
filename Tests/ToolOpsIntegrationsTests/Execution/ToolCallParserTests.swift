import Testing
import ToolOpsCore
import ToolOpsIntegrations

@Suite("Parsing provider tool calls") struct ProviderToolCallParserTests {
    let parser = ToolCallParser()

    @Test("OpenAI chat tool_calls with string arguments") func openaiChatToolCallsWithStringArguments() throws {
        let response = try JSONValue(
            parsing: """
                {"choices": [{"message": {"role": "assistant", "content": null, "tool_calls": [
                  {"id": "call_a", "type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}},
                  {"id": "call_b", "type": "function", "function": {"name": "get_time", "arguments": ""}}
                ]}}]}
                """)
        #expect(
            parser.parse(response, format: .openAIChat) == [
                .call(ToolCallRequest(id: "call_a", name: "get_weather", arguments: ["city": "Paris"])),
                .call(ToolCallRequest(id: "call_b", name: "get_time", arguments: [:])),
            ])
    }

    @Test("OpenAI chat arguments that are not JSON become a malformed item with the call id")
    func openaiChatArgumentsThatAreNotJSON() throws {
        let message: JSONValue = [
            "tool_calls": [["id": "call_x", "function": ["name": "get_weather", "arguments": "{city: Paris"]]]
        ]
        let items = parser.parse(message, format: .openAIChat)
        let error = try #require(items.first?.error)
        #expect(items.count == 1)
        #expect(error.callID == "call_x")
        #expect(error.toolName == "get_weather")
        #expect(error.location == .item(0))
        #expect(error.snippet == "{city: Paris")
        #expect(error.reason.hasPrefix("the arguments are not valid JSON"))
    }

    @Test("OpenAI Responses function_call items, skipping other output")
    func openaiResponsesFunctionCallItemsSkippingOther() throws {
        let response: JSONValue = [
            "output": [
                ["type": "reasoning", "id": "rs_1"],
                [
                    "type": "function_call", "id": "fc_1", "call_id": "call_9", "name": "get_weather",
                    "arguments": "{\"city\":\"Oslo\"}",
                ],
            ]
        ]
        #expect(
            parser.parse(response, format: .openAIResponses) == [
                .call(ToolCallRequest(id: "call_9", name: "get_weather", arguments: ["city": "Oslo"]))
            ])
    }

    @Test("Anthropic tool_use blocks with object input") func anthropicToolUseBlocksWithObjectInput() throws {
        let message: JSONValue = [
            "role": "assistant",
            "content": [
                ["type": "text", "text": "Let me check."],
                ["type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": ["city": "Rome"]],
                ["type": "tool_use", "id": "toolu_2", "name": "get_time", "input": [:]],
            ],
        ]
        #expect(
            parser.parse(message, format: .anthropic) == [
                .call(ToolCallRequest(id: "toolu_1", name: "get_weather", arguments: ["city": "Rome"])),
                .call(ToolCallRequest(id: "toolu_2", name: "get_time", arguments: [:])),
            ])
    }

    @Test("a provider call without a name is reported, not dropped") func aProviderCallWithoutANameIs() {
        let message: JSONValue = ["content": [["type": "tool_use", "id": "toolu_1", "input": [:]]]]
        let items = parser.parse(message, format: .anthropic)
        #expect(items.map(\.id) == ["toolu_1"])
        #expect(items.first?.error?.reason == "the call has no tool name (a non-empty string)")
    }

    @Test("calls beyond the limit are reported as one error") func callsBeyondTheLimitAreReportedAs() {
        let parser = ToolCallParser(configuration: .init(maxCalls: 2))
        let blocks: [JSONValue] = (1...4).map { ["type": "tool_use", "id": .string("t\($0)"), "name": "a"] }
        let items = parser.parse(["content": .array(blocks)], format: .anthropic)
        #expect(items.count == 3)
        #expect(items.prefix(2).allSatisfy { $0.request != nil })
        #expect(items.last?.error?.reason.contains("more than 2 tool calls") == true)
    }
}

@Suite("Parsing tool calls in text") struct TextToolCallParserTests {
    let parser = ToolCallParser()

    func calls(_ text: String) -> [ToolCallRequest] { parser.parse(text: text).compactMap(\.request) }

    @Test("a fenced json block") func aFencedJsonBlock() {
        let text = """
            I'll look that up.
            ```json
            {"name": "get_weather", "arguments": {"city": "Paris"}}
            ```
            """
        #expect(calls(text) == [ToolCallRequest(id: "call_1", name: "get_weather", arguments: ["city": "Paris"])])
    }

    @Test("a bare object in prose, with the tool and args shape") func aBareObjectInProseWithThe() {
        let text = #"Sure! {"tool": "get_weather", "args": {"city": "Lima"}} — that should do it."#
        #expect(calls(text) == [ToolCallRequest(id: "call_1", name: "get_weather", arguments: ["city": "Lima"])])
    }

    @Test("the function wrapper shape keeps its id") func theFunctionWrapperShapeKeepsItsId() {
        let text =
            #"{"id": "c7", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\": \"Oslo\"}"}}"#
        #expect(calls(text) == [ToolCallRequest(id: "c7", name: "get_weather", arguments: ["city": "Oslo"])])
    }

    @Test("an array of calls, and several blocks, give every call in order") func anArrayOfCallsAndSeveralBlocks() {
        let text = """
            ```json
            [{"name": "a", "arguments": {}}, {"name": "b", "arguments": {"x": 1}}]
            ```
            and then
            ```
            {"name": "c"}
            ```
            """
        #expect(calls(text).map(\.name) == ["a", "b", "c"])
        #expect(calls(text).map(\.id) == ["call_1", "call_2", "call_3"])
    }

    @Test("JSON lines in one block are separate calls") func jsonLinesInOneBlockAreSeparate() {
        let text = "```json\n{\"name\": \"a\"}\n{\"name\": \"b\"}\n```"
        #expect(calls(text).map(\.name) == ["a", "b"])
    }

    @Test("trailing commas are repaired") func trailingCommasAreRepaired() {
        let text = #"{"name": "get_weather", "arguments": {"city": "Paris", "days": [1, 2,],},}"#
        #expect(calls(text).first?.arguments == ["city": "Paris", "days": [1, 2]])
    }

    @Test("single-quoted strings and keys are repaired") func singleQuotedStringsAndKeysAreRepaired() {
        let text = #"{'name': 'get_weather', 'arguments': {'city': 'Saint \'Malo', 'note': 'say "hi"'}}"#
        #expect(calls(text).first?.arguments == ["city": "Saint 'Malo", "note": "say \"hi\""])
    }

    @Test("Python literals become JSON ones, but not inside strings") func pythonLiteralsBecomeJSONOnesButNot() {
        let text = #"{"name": "search", "arguments": {"exact": True, "fuzzy": False, "limit": None, "q": "None True"}}"#
        #expect(calls(text).first?.arguments == ["exact": true, "fuzzy": false, "limit": nil, "q": "None True"])
    }

    @Test("arguments given as a JSON string are parsed") func argumentsGivenAsAJSONStringAre() {
        let text = #"{"name": "get_weather", "arguments": "{\"city\": \"Paris\"}"}"#
        #expect(calls(text).first?.arguments == ["city": "Paris"])
    }

    @Test("braces in ordinary prose and plain data are not calls") func bracesInOrdinaryProseAndPlainData() {
        let text = #"Use {placeholders} like {x}; the result looks like {"temperature": 20}. Arrays [1, 2] too."#
        #expect(parser.parse(text: text).isEmpty)
    }

    @Test("code blocks in other languages are left alone") func codeBlocksInOtherLanguagesAreLeft() {
        let text = "```python\nprint({'name': 1})\n```"
        #expect(parser.parse(text: text).isEmpty)
    }

    @Test("garbage that looks like a call is reported with its snippet and position") func garbageThatLooksLikeACallIs()
        throws
    {
        let text = #"Calling now: {"name": "get_weather" "arguments": {}} and {"name": "ok"}"#
        let items = parser.parse(text: text)
        #expect(items.count == 2)
        let error = try #require(items.first?.error)
        #expect(error.callID == "call_1")
        #expect(error.location == .offset(13))
        #expect(error.snippet == #"{"name": "get_weather" "arguments": {}}"#)
        #expect(error.reason.contains("invalid JSON"))
        #expect(items.last?.request == ToolCallRequest(id: "call_2", name: "ok", arguments: [:]))
    }

    @Test("a call cut off mid-object is reported as unterminated") func aCallCutOffMidObjectIs() throws {
        let text = #"{"name": "get_weather", "arguments": {"city": "Par"#
        let error = try #require(parser.parse(text: text).first?.error)
        #expect(error.reason.hasPrefix("unterminated JSON"))
        #expect(error.location == .offset(0))
    }

    @Test("JSON in a json block that is not a call is reported") func jsonInAJsonBlockThatIs() throws {
        let text = "```json\n{\"temperature\": 20}\n```"
        let error = try #require(parser.parse(text: text).first?.error)
        #expect(error.reason.hasPrefix("this JSON is not a tool call"))
        #expect(error.location == .offset(8))
    }

    @Test("long snippets are truncated") func longSnippetsAreTruncated() throws {
        let parser = ToolCallParser(configuration: .init(maxSnippetLength: 20))
        let text = #"{"name": "x", "arguments": {"a": 1 "b": 2, "c": 3}}"#
        let error = try #require(parser.parse(text: text).first?.error)
        #expect(error.snippet == String(text.prefix(20)) + "…")
    }
}

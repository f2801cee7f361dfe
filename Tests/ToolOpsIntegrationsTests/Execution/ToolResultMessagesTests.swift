import Testing
import ToolOpsCore
import ToolOpsIntegrations

@Suite("Rendering tool results for providers") struct ToolResultMessagesTests {
    let results = [
        ToolCallResult(callID: "c1", toolName: "get_weather", outcome: .success(["temperature": 20])),
        ToolCallResult(
            callID: "c2", toolName: "explode",
            outcome: .failure(.failed(ToolError(code: .timeout, tool: "explode", message: "too slow")))),
    ]

    @Test("OpenAI chat gets one tool message per call") func openaiChatGetsOneToolMessagePer() {
        #expect(
            ToolCallFormat.openAIChat.messages(for: results).map(\.description) == [
                #"{"content":"{\"temperature\":20}","role":"tool","tool_call_id":"c1"}"#,
                #"{"content":"{\"error\":{\"code\":\"timeout\",\"message\":\"too slow\",\"retryable\":false,\"tool\":\"explode\"}}","role":"tool","tool_call_id":"c2"}"#,
            ])
    }

    @Test("OpenAI Responses gets one function_call_output item per call")
    func openaiResponsesGetsOneFunctionCallOutput() {
        #expect(
            ToolCallFormat.openAIResponses.messages(for: results).map(\.description) == [
                #"{"call_id":"c1","output":"{\"temperature\":20}","type":"function_call_output"}"#,
                #"{"call_id":"c2","output":"{\"error\":{\"code\":\"timeout\",\"message\":\"too slow\",\"retryable\":false,\"tool\":\"explode\"}}","type":"function_call_output"}"#,
            ])
    }

    @Test("Anthropic gets one user message of tool_result blocks, errors flagged")
    func anthropicGetsOneUserMessageOfTool() {
        #expect(
            ToolCallFormat.anthropic.messages(for: results).map(\.description) == [
                #"{"content":[{"content":"{\"temperature\":20}","tool_use_id":"c1","type":"tool_result"},{"content":"{\"error\":{\"code\":\"timeout\",\"message\":\"too slow\",\"retryable\":false,\"tool\":\"explode\"}}","is_error":true,"tool_use_id":"c2","type":"tool_result"}],"role":"user"}"#
            ])
        #expect(ToolCallFormat.anthropic.messages(for: []).isEmpty)
    }
}

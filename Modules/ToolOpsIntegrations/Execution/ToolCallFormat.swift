/// A model provider's wire format for tool calls and tool results.
public enum ToolCallFormat: String, Sendable, Hashable, CaseIterable {
    /// OpenAI Chat Completions: `message.tool_calls[]`, answered by `role: tool` messages.
    case openAIChat
    /// OpenAI Responses: `output[]` items of type `function_call`, answered by `function_call_output` items.
    case openAIResponses
    /// Anthropic Messages: `content[]` blocks of type `tool_use`, answered by one user message of `tool_result` blocks.
    case anthropic
}

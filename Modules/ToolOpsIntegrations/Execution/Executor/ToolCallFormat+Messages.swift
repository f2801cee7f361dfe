import ToolOpsCore

extension ToolCallFormat {
    /// The messages that answer `results` in this provider's format, in the results' order.
    ///
    /// - OpenAI Chat: one `{"role": "tool", "tool_call_id": …, "content": …}` message per result.
    /// - OpenAI Responses: one `{"type": "function_call_output", "call_id": …, "output": …}` item per result.
    /// - Anthropic: a single `{"role": "user", "content": [tool_result blocks]}` message, with
    ///   `"is_error": true` on failed calls.
    ///
    /// ```swift
    /// let messages = ToolCallFormat.anthropic.messages(for: results)
    /// ```
    public func messages(for results: [ToolCallResult]) -> [JSONValue] {
        switch self {
        case .openAIChat:
            return results.map { result in
                ["role": "tool", "tool_call_id": .string(result.callID), "content": .string(result.content)]
            }
        case .openAIResponses:
            return results.map { result in
                ["type": "function_call_output", "call_id": .string(result.callID), "output": .string(result.content)]
            }
        case .anthropic:
            guard !results.isEmpty else { return [] }
            let blocks: [JSONValue] = results.map { result in
                var block: [String: JSONValue] = [
                    "type": "tool_result", "tool_use_id": .string(result.callID), "content": .string(result.content),
                ]
                if result.isError { block["is_error"] = true }
                return .object(block)
            }
            return [["role": "user", "content": .array(blocks)]]
        }
    }
}

import ToolOpsCore

/// Reads the tool calls in a model's response, in any of the formats models use, without dropping any.
///
/// Provider formats: OpenAI Chat Completions (`message.tool_calls[]`), OpenAI Responses
/// (`output[]` items of type `function_call`) and Anthropic Messages (`content[]` blocks of type
/// `tool_use`). Free text (models without native tool calling) is read by ``parse(text:)``.
///
/// Every attempt yields an item, in order: a ``ParsedToolCall/call(_:)``, or a
/// ``ParsedToolCall/malformed(_:)`` with the reason, a snippet and its position — so the executor
/// answers each call id, and the model learns what to fix.
///
/// ```swift
/// let items = ToolCallParser().parse(response, format: .openAIChat)
/// let results = await executor.execute(items)
/// ```
public struct ToolCallParser: Sendable {
    /// Limits of one parse.
    public struct Configuration: Sendable, Hashable {
        /// The most calls read from one response; attempts beyond it are reported as one error. Default 64.
        public var maxCalls: Int
        /// The longest snippet kept in a ``ToolCallParseError``, in characters. Default 160.
        public var maxSnippetLength: Int

        public init(maxCalls: Int = 64, maxSnippetLength: Int = 160) {
            self.maxCalls = max(1, maxCalls)
            self.maxSnippetLength = max(16, maxSnippetLength)
        }
    }

    /// The parser's limits.
    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The calls in a provider response or message, read as `format`.
    ///
    /// Accepts the whole response (`{"choices": …}`, `{"output": …}`, `{"content": …}`), the message
    /// (`{"role": "assistant", …}`), or the list itself (`tool_calls`, `output`, `content`).
    public func parse(_ response: JSONValue, format: ToolCallFormat) -> [ParsedToolCall] {
        var items = ItemCollector(configuration: configuration)
        switch format {
        case .openAIChat:
            var message = response
            if let first = response["choices"]?.arrayValue?.first, let inner = first["message"] { message = inner }
            let list = message["tool_calls"]?.arrayValue ?? message.arrayValue ?? []
            for (index, item) in list.enumerated() {
                let function = item["function"]
                items.add(
                    id: item["id"]?.stringValue, name: function?["name"], arguments: function?["arguments"],
                    source: "\(item)", at: .item(index))
            }
        case .openAIResponses:
            let list = response["output"]?.arrayValue ?? response.arrayValue ?? []
            for (index, item) in list.enumerated() where item["type"] == "function_call" {
                items.add(
                    id: (item["call_id"] ?? item["id"])?.stringValue, name: item["name"], arguments: item["arguments"],
                    source: "\(item)", at: .item(index))
            }
        case .anthropic:
            let list = response["content"]?.arrayValue ?? response.arrayValue ?? []
            for (index, item) in list.enumerated() where item["type"] == "tool_use" {
                items.add(
                    id: item["id"]?.stringValue, name: item["name"], arguments: item["input"], source: "\(item)",
                    at: .item(index))
            }
        }
        return items.items
    }

    /// The calls embedded in free text. See ``ToolCallParser`` and the text-parsing notes in
    /// `ToolCallParser+Text.swift` for the shapes and repairs accepted.
    public func parse(text: String) -> [ParsedToolCall] {
        var items = ItemCollector(configuration: configuration)
        TextScanner(characters: Array(text)).scan(into: &items)
        return items.items
    }
}

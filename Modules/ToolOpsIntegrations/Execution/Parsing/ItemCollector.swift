import ToolOpsCore

/// Gathers parsed items in order, numbering calls without ids and enforcing the call limit.
struct ItemCollector {
    let configuration: ToolCallParser.Configuration
    private(set) var items: [ParsedToolCall] = []
    private var overflowReported = false

    init(configuration: ToolCallParser.Configuration) {
        self.configuration = configuration
    }

    /// The id of the next item when the model gave none: `call_1`, `call_2`, … by position.
    var nextID: String { "call_\(items.count + 1)" }

    /// `text` cut to the snippet length.
    func snippet(_ text: String) -> String {
        text.count <= configuration.maxSnippetLength ? text : String(text.prefix(configuration.maxSnippetLength)) + "…"
    }

    mutating func append(_ item: ParsedToolCall, at location: ToolCallParseError.Location) {
        guard items.count < configuration.maxCalls else {
            guard !overflowReported else { return }
            overflowReported = true
            // One error naming the limit stands for every call beyond it: nothing is dropped silently.
            items.append(
                .malformed(
                    ToolCallParseError(
                        callID: "call_\(items.count + 1)",
                        reason: "more than \(configuration.maxCalls) tool calls in one response; the rest were not run",
                        snippet: "", location: location)))
            return
        }
        items.append(item)
    }

    mutating func fail(
        _ reason: String, id: String? = nil, name: String? = nil, source: String,
        at location: ToolCallParseError.Location
    ) {
        let error = ToolCallParseError(
            callID: id ?? nextID, toolName: name, reason: reason, snippet: snippet(source), location: location)
        append(.malformed(error), at: location)
    }

    /// Adds a call from its parts as a provider or a text shape gives them.
    ///
    /// Arguments may be an object, a JSON string holding one (parsed leniently; `""` means no
    /// arguments), or missing/`null` (no arguments).
    mutating func add(
        id: String?, name: JSONValue?, arguments: JSONValue?, source: String, at location: ToolCallParseError.Location
    ) {
        let id = id ?? nextID
        guard let name = name?.stringValue, !name.isEmpty else {
            return fail("the call has no tool name (a non-empty string)", id: id, source: source, at: location)
        }
        switch arguments {
        case nil, .null?:
            append(.call(ToolCallRequest(id: id, name: name, arguments: [:])), at: location)
        case .string(let text)?:
            if text.allSatisfy(\.isWhitespace) {
                return append(.call(ToolCallRequest(id: id, name: name, arguments: [:])), at: location)
            }
            switch LenientJSON.parse(text) {
            case .success(let value):
                append(.call(ToolCallRequest(id: id, name: name, arguments: value)), at: location)
            case .failure(let failure):
                fail(
                    "the arguments are not valid JSON: \(failure.reason)", id: id, name: name, source: text,
                    at: location)
            }
        case let value?:
            append(.call(ToolCallRequest(id: id, name: name, arguments: value)), at: location)
        }
    }
}

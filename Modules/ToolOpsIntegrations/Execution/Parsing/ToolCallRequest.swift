import ToolOpsCore

/// One call a model asked for: the provider's call id, the tool's name and the arguments.
///
/// ```swift
/// ToolCallRequest(id: "call_abc", name: "get_weather", arguments: ["city": "Paris"])
/// ```
public struct ToolCallRequest: Sendable, Hashable {
    /// The model's id for the call (`tool_calls[].id`, `call_id`, `tool_use.id`); results answer to it.
    ///
    /// Calls found in free text, or provider items without an id, get `call_1`, `call_2`, … by position.
    public var id: String
    /// The name of the tool to call.
    public var name: String
    /// The arguments, already parsed (an object for a well-formed call; validation says otherwise).
    public var arguments: JSONValue

    public init(id: String, name: String, arguments: JSONValue) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// One item a parser found in a model's response: a call, or a call attempt it could not read.
///
/// Attempts that could not be parsed are kept, in order, so the model gets an error result for
/// each instead of silence.
public enum ParsedToolCall: Sendable, Hashable {
    /// A call that was read.
    case call(ToolCallRequest)
    /// A call attempt that could not be read.
    case malformed(ToolCallParseError)

    /// The call id the result must answer to.
    public var id: String {
        switch self {
        case .call(let call): call.id
        case .malformed(let error): error.callID
        }
    }

    /// The call, if it was read.
    public var request: ToolCallRequest? {
        if case .call(let call) = self { return call }
        return nil
    }

    /// The parse error, if the attempt could not be read.
    public var error: ToolCallParseError? {
        if case .malformed(let error) = self { return error }
        return nil
    }
}

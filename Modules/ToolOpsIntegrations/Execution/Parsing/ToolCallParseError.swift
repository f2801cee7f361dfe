/// A tool-call attempt that could not be read: what was wrong, where, and the offending text.
///
/// ```swift
/// // call_2 at offset 57: invalid JSON: expected ':' after an object key, at byte 12 — {"name" "search", …
/// ```
public struct ToolCallParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the attempt is in what was parsed.
    public enum Location: Sendable, Hashable, CustomStringConvertible {
        /// A character offset into free text (where the snippet begins).
        case offset(Int)
        /// An index into the provider's list (`tool_calls`, `output` or `content`).
        case item(Int)

        public var description: String {
            switch self {
            case .offset(let offset): "offset \(offset)"
            case .item(let index): "item \(index)"
            }
        }
    }

    /// The call id the error result must answer to (the provider's, or `call_N` by position).
    public var callID: String
    /// The tool's name, when it could be read.
    public var toolName: String?
    /// What was wrong, in words.
    public var reason: String
    /// The offending text, truncated.
    public var snippet: String
    /// Where the attempt is.
    public var location: Location

    public init(callID: String, toolName: String? = nil, reason: String, snippet: String, location: Location) {
        self.callID = callID
        self.toolName = toolName
        self.reason = reason
        self.snippet = snippet
        self.location = location
    }

    public var description: String {
        "\(callID) at \(location): \(reason) — \(snippet)"
    }
}

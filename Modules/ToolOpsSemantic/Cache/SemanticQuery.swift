import ToolOpsCore

/// A question put to a ``SemanticCache``: a tool's natural-language text, with everything else
/// that must be equal for a match.
public struct SemanticQuery: Sendable {
    /// The tool (name and version) asked.
    public var tool: ToolID
    /// The natural-language text: what is embedded and compared.
    public var text: String
    /// The tool's other arguments (canonical, sensitive values hashed): a match needs them equal.
    public var context: JSONValue
    /// The least cosine similarity that counts as the same question.
    public var threshold: Double

    /// A query for `text` asked of `tool`, with the other arguments `context`.
    public init(tool: ToolID, text: String, context: JSONValue = .object([:]), threshold: Double) {
        self.tool = tool
        self.text = text
        self.context = context
        self.threshold = threshold
    }
}

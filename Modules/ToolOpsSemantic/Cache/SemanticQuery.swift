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

    public init(tool: ToolID, text: String, context: JSONValue = .object([:]), threshold: Double) {
        self.tool = tool
        self.text = text
        self.context = context
        self.threshold = threshold
    }
}

/// A cached answer a ``SemanticCache`` found for a query.
public struct SemanticMatch: Sendable {
    /// The answer: the tool's output as canonical JSON bytes.
    public var value: [UInt8]
    /// The text the answer was stored for.
    public var text: String
    /// Cosine similarity to the query (1 for an exact text match).
    public var similarity: Double
    /// Whether the texts were equal (after trimming and case folding), so no embedding was needed.
    public var isExact: Bool
    /// When the answer was stored.
    public var storedAt: Timestamp
    /// Until when it may be served stale.
    public var staleUntil: Timestamp
}

/// The outcome of ``SemanticCache/lookup(_:)``.
public struct SemanticLookup: Sendable {
    /// A fresh answer, when one passed the threshold and the guards.
    public var fresh: SemanticMatch?
    /// The best expired answer still inside its stale window that passed the threshold and the
    /// guards, for stale-if-error; `nil` when there is a fresh one.
    public var stale: SemanticMatch?
    /// The query's vector, when it was embedded: pass it to ``SemanticCache/store(_:vector:value:settings:)``
    /// so the text is not embedded twice.
    public var vector: [Float]?
    /// Candidates above the threshold that a guard refused.
    public var rejections: [NearMissGuards.Rejection]
}

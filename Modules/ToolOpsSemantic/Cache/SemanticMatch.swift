import ToolOpsCore

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

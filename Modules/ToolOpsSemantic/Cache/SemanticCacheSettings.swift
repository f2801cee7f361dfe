import ToolOpsCore

/// How one tool uses a ``SemanticCache``.
public struct SemanticCacheSettings: Sendable, Hashable {
    /// The JSON key of the input's natural-language field (the text embedded and compared).
    public var textField: String
    /// The least cosine similarity that counts as the same question, for this tool's embedder.
    public var threshold: Double
    /// How long an answer is fresh. Default 3600 s.
    public var ttl: Duration
    /// Serve an expired (but stale-window) answer when the live call fails. Default off.
    public var staleIfError: Bool
    /// How long past its TTL an answer may be served on error. Default 24 h.
    public var staleTTL: Duration
    /// Tags stored with every answer, for invalidation.
    public var tags: [String]
    /// Cache empty results (`null`, `""`, `[]`, `{}`) too. Default off.
    public var cacheEmptyResults: Bool

    /// Settings for the text field `textField` and the similarity `threshold`; the rest default.
    public init(
        textField: String, threshold: Double, ttl: Duration = .seconds(3600), staleIfError: Bool = false,
        staleTTL: Duration = .seconds(86_400), tags: [String] = [], cacheEmptyResults: Bool = false
    ) {
        self.textField = textField
        self.threshold = threshold
        self.ttl = ttl
        self.staleIfError = staleIfError
        self.staleTTL = staleTTL
        self.tags = tags
        self.cacheEmptyResults = cacheEmptyResults
    }

    /// Checks the settings, throwing ``ToolError`` (`misconfigured`) naming the bad field.
    public func validate(tool: String) throws(ToolError) {
        guard !textField.isEmpty else {
            throw .misconfigured(
                "semantic cache textField must name the input's text field", tool: tool, field: "textField")
        }
        guard (0...1).contains(threshold) else {
            throw .misconfigured(
                "semantic cache threshold must be between 0 and 1, got \(threshold)", tool: tool, field: "threshold")
        }
        guard ttl > .zero else {
            throw .misconfigured("semantic cache ttl must be positive, got \(ttl)", tool: tool, field: "ttl")
        }
        guard staleTTL >= .zero else {
            throw .misconfigured("semantic cache staleTTL must not be negative", tool: tool, field: "staleTTL")
        }
    }
}

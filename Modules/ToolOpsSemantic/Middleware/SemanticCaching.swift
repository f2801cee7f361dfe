/// A tool's use of a semantic cache, for `ReadOnlyOptions(semantic:)`: which cache, which input
/// field holds the question, and how similar a question must be to count as the same.
///
/// The TTL, stale-if-error window and tags of the tool's options apply to the semantic cache too.
///
/// ```swift
/// let semantic = SemanticCache(embedder: HashingEmbedder())
/// let status = try readonly(
///     "invoice_status",
///     options: ReadOnlyOptions(semantic: SemanticCaching(cache: semantic, textField: "question", threshold: 0.75))
/// ) { (ask: InvoiceQuestion) in try await billing.answer(ask.question) }
/// ```
public struct SemanticCaching: Sendable {
    /// The cache (shareable between tools: answers never cross tools).
    public var cache: SemanticCache
    /// The JSON key of the input's natural-language field.
    public var textField: String
    /// The least cosine similarity that counts as the same question; see Docs/SEMANTIC.md for the
    /// value measured for each embedder.
    public var threshold: Double

    public init(cache: SemanticCache, textField: String, threshold: Double) {
        self.cache = cache
        self.textField = textField
        self.threshold = threshold
    }
}

/// How a ``SemanticCache`` has been used.
public struct SemanticCacheStatistics: Sendable, Hashable {
    /// Answers held now.
    public var entries: Int = 0
    /// Lookups answered with a fresh answer (exact text or similar enough).
    public var hits: Int = 0
    /// Of those, answered by an exact text match, without embedding.
    public var exactHits: Int = 0
    /// Lookups without a fresh answer.
    public var misses: Int = 0
    /// Candidates above the threshold that a guard refused, by rule.
    public var guardRejections: [NearMissGuards.Rejection: Int] = [:]
    /// Texts embedded by lookups.
    public var embeddings: Int = 0
    /// Lookups whose embedding failed (the call went on without the semantic cache).
    public var embeddingFailures: Int = 0
    /// Answers written.
    public var writes: Int = 0
    /// Answers evicted to stay within the bound.
    public var evictions: Int = 0
    /// Store operations that failed (the cache kept working in memory).
    public var storeErrors: Int = 0
    /// Similarity of the non-exact hits, in buckets of 0.05 from 0.5 up: `[0]` counts 0.50–0.55,
    /// …, `[9]` counts 0.95–1.0; hits below 0.5 count in `[0]`.
    public var hitSimilarity: [Int] = Array(repeating: 0, count: 10)

    public init() {}

    mutating func recordHit(similarity: Double) {
        let bucket = min(9, max(0, Int(((similarity - 0.5) / 0.05).rounded(.down))))
        hitSimilarity[bucket] += 1
    }
}

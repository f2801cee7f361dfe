/// One stored vector that matched a search, with its cosine similarity to the query.
///
/// Searches return matches best first: highest ``score`` first, ties broken by the smaller ``id``.
public struct VectorMatch: Sendable, Hashable {
    /// The id the vector was inserted under.
    public var id: UInt64
    /// Cosine similarity to the query, in `-1...1` (1 is the same direction).
    public var score: Float

    /// A match of `id` scoring `score`.
    public init(id: UInt64, score: Float) {
        self.id = id
        self.score = score
    }

    /// Whether `self` ranks before `other`: higher score, then smaller id.
    @inline(__always)
    func ranksBefore(_ other: VectorMatch) -> Bool {
        score > other.score || (score == other.score && id < other.id)
    }
}

/// Reproducible embedding-like vectors for the semantic scenarios.
///
/// Real sentence embeddings cluster by topic, and a repeated question arrives as a paraphrase: a
/// vector near one already stored. So stored vectors are a topic centre plus noise (two entries of
/// one topic score about 0.5, of different topics about 0), and queries are stored vectors plus a
/// little noise (about 0.96 to their source), searched with a 0.9 threshold.
struct SemanticDataset {
    static let dimensions = 384
    static let minimumScore: Float = 0.9

    /// `count` stored vectors, row-major.
    let vectors: [[Float]]
    /// Paraphrase-like queries, each near one stored vector.
    let queries: [[Float]]

    init(count: Int, queries queryCount: Int, seed: UInt64 = 0x5E3A_7105) {
        var random = SplitMixGenerator(seed: seed)
        let topics = max(count / 100, 1)
        let centres = (0..<topics).map { _ in random.vector(Self.dimensions, scale: 1) }
        vectors = (0..<count).map { index in
            zip(centres[index % topics], random.vector(Self.dimensions, scale: 1)).map(+)
        }
        let stored = vectors
        queries = (0..<queryCount).map { _ in
            let source = stored[Int(random.next() % UInt64(stored.count))]
            return zip(source, random.vector(Self.dimensions, scale: 0.3)).map(+)
        }
    }
}

/// SplitMix64, as a `RandomNumberGenerator`, for the benchmark's fixed-seed vectors.
struct SplitMixGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `count` values uniform in `-scale..<scale`.
    mutating func vector(_ count: Int, scale: Float) -> [Float] {
        (0..<count).map { _ in (Float(next() >> 40) * 0x1.0p-24 * 2 - 1) * scale }
    }
}

import ToolOpsSemantic
import ToolOpsTesting

/// Seeded vectors and a naive reference search for the index tests.
struct IndexFixtures {
    let random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// Values uniform in `-1..<1`.
    func vector(_ dimensions: Int) -> [Float] {
        (0..<dimensions).map { _ in Float(random.nextUnit() * 2 - 1) }
    }

    /// `count` vectors around `clusters` centres (noise `spread` per component).
    func clustered(count: Int, dimensions: Int, clusters: Int, spread: Float = 0.3) -> [[Float]] {
        let centres = (0..<clusters).map { _ in vector(dimensions) }
        return (0..<count).map { index in
            zip(centres[index % clusters], vector(dimensions)).map { $0 + $1 * spread }
        }
    }

    /// `vector` nudged by noise of `amount` per component: a paraphrase of it.
    func near(_ vector: [Float], amount: Float) -> [Float] {
        vector.map { $0 + Float(random.nextUnit() * 2 - 1) * amount }
    }
}

/// The exact answer, computed the slow way in `Double`: every vector scored, sorted, filtered.
func referenceSearch(
    _ vectors: [UInt64: [Float]], query: [Float], k: Int, minimumScore: Float
) -> [VectorMatch] {
    func unit(_ vector: [Float]) -> [Double] {
        let norm = vector.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        return vector.map { Double($0) / norm }
    }
    let target = unit(query)
    let scored = vectors.map { id, vector in
        VectorMatch(id: id, score: Float(zip(unit(vector), target).reduce(0.0) { $0 + $1.0 * $1.1 }))
    }
    let sorted = scored.filter { $0.score >= minimumScore }.sorted {
        $0.score > $1.score || ($0.score == $1.score && $0.id < $1.id)
    }
    return Array(sorted.prefix(max(k, 0)))
}

/// Whether two match lists name the same ids in the same order, with scores within `tolerance`.
func sameMatches(_ a: [VectorMatch], _ b: [VectorMatch], tolerance: Float = 1e-4) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { $0.id == $1.id && abs($0.score - $1.score) <= tolerance }
}

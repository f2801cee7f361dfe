/// Normalised vectors in one contiguous row-major `[Float]`, with their ids; the exact index's state.
///
/// Row `i` holds the vector of `ids[i]`. Removal moves the last row into the hole, so the rows stay
/// contiguous and a scan is one linear pass over memory.
struct FlatStorage: Sendable {
    let dimensions: Int
    private(set) var vectors: [Float] = []
    private(set) var ids: [UInt64] = []
    private var rows: [UInt64: Int] = [:]

    init(dimensions: Int) {
        self.dimensions = dimensions
    }

    var count: Int { ids.count }

    /// Stores `normalized` (already of length 1) under `id`, replacing the vector `id` had.
    mutating func insert(id: UInt64, normalized: [Float]) {
        if let row = rows[id] {
            vectors.replaceSubrange(row * dimensions..<(row + 1) * dimensions, with: normalized)
        } else {
            rows[id] = ids.count
            ids.append(id)
            vectors.append(contentsOf: normalized)
        }
    }

    /// Removes `id`'s vector by moving the last row into its place; false if `id` was absent.
    mutating func remove(id: UInt64) -> Bool {
        guard let row = rows.removeValue(forKey: id) else { return false }
        let last = ids.count - 1
        if row != last {
            let moved = ids[last]
            ids[row] = moved
            rows[moved] = row
            vectors.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                (base + row * dimensions).update(from: base + last * dimensions, count: dimensions)
            }
        }
        ids.removeLast()
        vectors.removeLast(dimensions)
        return true
    }

    mutating func removeAll() {
        vectors = []
        ids = []
        rows = [:]
    }

    /// The stored (normalised) vector of `id`.
    func vector(for id: UInt64) -> [Float]? {
        guard let row = rows[id] else { return nil }
        return Array(vectors[row * dimensions..<(row + 1) * dimensions])
    }

    /// Every id with its stored vector, in row order.
    func forEach(_ body: (UInt64, ArraySlice<Float>) -> Void) {
        for (row, id) in ids.enumerated() {
            body(id, vectors[row * dimensions..<(row + 1) * dimensions])
        }
    }

    /// The best `k` rows for `query` (normalised), scoring at least `minimumScore`, best first.
    func search(_ query: [Float], k: Int, minimumScore: Float) -> [VectorMatch] {
        var top = TopMatches(k: k, minimumScore: minimumScore)
        scan(query, rows: 0..<ids.count, into: &top)
        return top.sorted()
    }

    /// Offers every row in `range` to `top`: the hot loop of an exact search.
    func scan(_ query: [Float], rows range: Range<Int>, into top: inout TopMatches) {
        let dimensions = dimensions
        query.withUnsafeBufferPointer { query in
            vectors.withUnsafeBufferPointer { vectors in
                ids.withUnsafeBufferPointer { ids in
                    guard let queryBase = query.baseAddress, let base = vectors.baseAddress else { return }
                    var threshold = top.threshold
                    for row in range {
                        let score = VectorMath.dot(base + row &* dimensions, queryBase, count: dimensions)
                        // Most rows fall below the current k-th best: one comparison and on.
                        if score >= threshold {
                            top.offer(id: ids[row], score: score)
                            threshold = top.threshold
                        }
                    }
                }
            }
        }
    }
}

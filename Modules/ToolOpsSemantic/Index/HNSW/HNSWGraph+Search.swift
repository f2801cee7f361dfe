extension HNSWGraph {
    /// The best `k` live nodes for normalised `query` scoring at least `minimumScore`, best first.
    func search(_ query: [Float], k: Int, minimumScore: Float, ef: Int) -> [VectorMatch] {
        guard k > 0, entryPoint >= 0, count > 0 else { return [] }
        return query.withUnsafeBufferPointer { buffer in
            let query = buffer.baseAddress!
            var entry = ScoredNode(node: entryPoint, score: similarity(entryPoint, to: query))
            for level in stride(from: topLevel, to: 0, by: -1) {
                entry = greedyClosest(to: query, from: entry, level: level)
            }
            let found = searchLayer(query, entries: [entry], ef: max(ef, k), level: 0, skipDeleted: true)
            var top = TopMatches(k: k, minimumScore: minimumScore)
            for candidate in found { top.offer(id: ids[Int(candidate.node)], score: candidate.score) }
            return top.sorted()
        }
    }

    /// Walks `level` from `entry` to a local best, one improving neighbour (other than `excluded`) at a time.
    func greedyClosest(
        to query: UnsafePointer<Float>, from entry: ScoredNode, level: Int, excluding excluded: Int32 = -1
    ) -> ScoredNode {
        var best = entry
        var improved = true
        while improved {
            improved = false
            forEachNeighbour(of: best.node, level: level) { neighbour in
                guard neighbour != excluded else { return }
                let score = similarity(neighbour, to: query)
                if score > best.score {
                    best = ScoredNode(node: neighbour, score: score)
                    improved = true
                }
            }
        }
        return best
    }

    /// The best `ef` nodes on `level` reachable from `entries`, best first (algorithm 2).
    ///
    /// With `skipDeleted`, tombstones still route the walk but never enter the results; `excluded`
    /// is neither walked nor returned.
    func searchLayer(
        _ query: UnsafePointer<Float>,
        entries: [ScoredNode],
        ef: Int,
        level: Int,
        skipDeleted: Bool = false,
        excluding excluded: Int32 = -1
    ) -> [ScoredNode] {
        var visited = VisitedSet(nodeCount: nodeCount)
        if excluded >= 0 { _ = visited.insert(excluded) }
        var candidates = ScoredHeap(highestOnTop: true, capacity: ef * 4)
        var results = ScoredHeap(highestOnTop: false, capacity: ef + 1)
        for entry in entries where visited.insert(entry.node) {
            candidates.push(entry)
            if !(skipDeleted && isDeleted[Int(entry.node)]) { results.push(entry) }
        }
        while let candidate = candidates.pop() {
            if results.count >= ef, let worst = results.top, candidate.score < worst.score { break }
            forEachNeighbour(of: candidate.node, level: level) { neighbour in
                guard visited.insert(neighbour) else { return }
                let score = similarity(neighbour, to: query)
                guard results.count < ef || score > results.top!.score else { return }
                candidates.push(ScoredNode(node: neighbour, score: score))
                guard !(skipDeleted && isDeleted[Int(neighbour)]) else { return }
                results.push(ScoredNode(node: neighbour, score: score))
                if results.count > ef { results.pop() }
            }
        }
        return results.items.sorted { $0.score > $1.score }
    }
}

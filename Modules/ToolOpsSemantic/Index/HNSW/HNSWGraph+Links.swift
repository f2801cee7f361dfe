extension HNSWGraph {
    /// Calls `body` with each neighbour of `node` on `level`.
    @inline(__always)
    func forEachNeighbour(of node: Int32, level: Int, _ body: (Int32) -> Void) {
        if level == 0 {
            let start = Int(node) &* baseCapacity
            for slot in start..<start &+ Int(baseCounts[Int(node)]) { body(baseLinks[slot]) }
        } else {
            for neighbour in upperLinks[Int(node)][level - 1] { body(neighbour) }
        }
    }

    /// Cosine similarity of `node`'s vector to the normalised vector at `query`.
    @inline(__always)
    func similarity(_ node: Int32, to query: UnsafePointer<Float>) -> Float {
        vectors.withUnsafeBufferPointer {
            VectorMath.dot($0.baseAddress! + Int(node) &* dimensions, query, count: dimensions)
        }
    }

    /// Cosine similarity of two nodes' vectors.
    func similarity(_ a: Int32, _ b: Int32) -> Float {
        vectors.withUnsafeBufferPointer {
            VectorMath.dot(
                $0.baseAddress! + Int(a) * dimensions, $0.baseAddress! + Int(b) * dimensions, count: dimensions)
        }
    }

    /// Links new `node` on layers `level` down to 0 (Malkov & Yashunin, algorithm 1).
    ///
    /// The walks exclude `node` itself: a revived node is reachable through links to its old self.
    mutating func link(_ node: Int32, level: Int, vector: [Float]) {
        guard entryPoint >= 0 else {
            entryPoint = node
            topLevel = level
            return
        }
        var entries = vector.withUnsafeBufferPointer { query in
            var entry = ScoredNode(node: entryPoint, score: similarity(entryPoint, to: query.baseAddress!))
            for upper in stride(from: topLevel, to: level, by: -1) {
                entry = greedyClosest(to: query.baseAddress!, from: entry, level: upper, excluding: node)
            }
            return [entry]
        }
        for layer in stride(from: min(level, topLevel), through: 0, by: -1) {
            let found = vector.withUnsafeBufferPointer { query in
                searchLayer(
                    query.baseAddress!, entries: entries, ef: configuration.efConstruction, level: layer,
                    excluding: node)
            }
            let chosen = diverseNeighbours(found, limit: configuration.m)
            setLinks(of: node, level: layer, to: chosen)
            for neighbour in chosen { addLink(from: neighbour, to: node, level: layer) }
            if !found.isEmpty { entries = found }
        }
        if level > topLevel {
            topLevel = level
            entryPoint = node
        }
    }

    /// The paper's neighbour heuristic (algorithm 4): walking `candidates` best first, keep one only if
    /// it is closer to the base than to every one kept, so links point in different directions.
    func diverseNeighbours(_ candidates: [ScoredNode], limit: Int) -> [Int32] {
        guard candidates.count > limit else { return candidates.map(\.node) }
        var chosen: [ScoredNode] = []
        for candidate in candidates where chosen.count < limit {
            if chosen.allSatisfy({ similarity(candidate.node, $0.node) <= candidate.score }) {
                chosen.append(candidate)
            }
        }
        return chosen.map(\.node)
    }

    private mutating func setLinks(of node: Int32, level: Int, to neighbours: [Int32]) {
        if level == 0 {
            let start = Int(node) * baseCapacity
            for (offset, neighbour) in neighbours.prefix(baseCapacity).enumerated() {
                baseLinks[start + offset] = neighbour
            }
            baseCounts[Int(node)] = Int32(min(neighbours.count, baseCapacity))
        } else {
            upperLinks[Int(node)][level - 1] = neighbours
        }
    }

    /// Adds the back link `from` → `to`, pruning `from`'s links with the heuristic when full.
    private mutating func addLink(from: Int32, to: Int32, level: Int) {
        let capacity = level == 0 ? baseCapacity : configuration.m
        var current: [Int32] = []
        forEachNeighbour(of: from, level: level) { current.append($0) }
        guard !current.contains(to) else { return }
        if current.count < capacity {
            setLinks(of: from, level: level, to: current + [to])
            return
        }
        let scored = (current + [to]).map { ScoredNode(node: $0, score: similarity(from, $0)) }
        setLinks(of: from, level: level, to: diverseNeighbours(scored.sorted { $0.score > $1.score }, limit: capacity))
    }
}

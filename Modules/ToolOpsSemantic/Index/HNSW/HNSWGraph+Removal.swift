extension HNSWGraph {
    /// Removes live `id`, leaving a tombstone; false if absent. Empties the graph when the last goes.
    mutating func remove(id: UInt64) -> Bool {
        guard let node = nodes[id] else { return false }
        bury(node)
        if nodes.isEmpty { self = HNSWGraph(dimensions: dimensions, configuration: configuration) }
        return true
    }

    /// Whether tombstones have passed the configured share of the nodes.
    var needsCompaction: Bool {
        deletedCount > 0 && Double(deletedCount) > configuration.compactionFraction * Double(nodeCount)
    }

    /// Turns `node` into a tombstone: it keeps routing searches but is never returned.
    mutating func bury(_ node: Int32) {
        guard !isDeleted[Int(node)] else { return }
        isDeleted[Int(node)] = true
        deletedCount += 1
        nodes.removeValue(forKey: ids[Int(node)])
        reusableNodes.append(node)
    }

    /// A tombstone to reuse, skipping the entry point.
    mutating func takeReusableNode() -> Int32? {
        while let node = reusableNodes.popLast() {
            if isDeleted[Int(node)], node != entryPoint { return node }
        }
        return nil
    }

    /// Gives tombstone `node` a new id and vector, and links it afresh on the layers it had.
    ///
    /// Why reuse rather than append: a cache replaces entries steadily (expiry, then a new prompt),
    /// and reuse keeps the tombstone share, and so rebuilds, away from that steady state. Links
    /// other nodes still hold to it now lead to the new vector: a long-range link, which the graph
    /// tolerates (the `semantic_churn_10k` benchmark measures recall after replacing every entry).
    mutating func revive(_ node: Int32, id: UInt64, normalized: [Float]) {
        let index = Int(node)
        ids[index] = id
        isDeleted[index] = false
        deletedCount -= 1
        nodes[id] = node
        vectors.replaceSubrange(index * dimensions..<(index + 1) * dimensions, with: normalized)
        baseCounts[index] = 0
        for level in upperLinks[index].indices { upperLinks[index][level] = [] }
        link(node, level: Int(levels[index]), vector: normalized)
    }

    /// A new graph of the live nodes only, inserted in their node order.
    func compacted() -> HNSWGraph {
        var fresh = HNSWGraph(dimensions: dimensions, configuration: configuration)
        forEachLive { id, vector in fresh.insert(id: id, normalized: vector) }
        return fresh
    }

    /// Every live id with its stored vector, in node order.
    func forEachLive(_ body: (UInt64, [Float]) -> Void) {
        for node in 0..<nodeCount where !isDeleted[node] {
            let start = node * dimensions
            body(ids[node], Array(vectors[start..<start + dimensions]))
        }
    }
}

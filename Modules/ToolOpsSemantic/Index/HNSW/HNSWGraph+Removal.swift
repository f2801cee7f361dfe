extension HNSWGraph {
    /// Removes live `id`; false if absent. Compacts when tombstones pass the configured share.
    mutating func remove(id: UInt64) -> Bool {
        guard let node = nodes[id] else { return false }
        bury(node)
        if nodes.isEmpty {
            self = HNSWGraph(dimensions: dimensions, configuration: configuration)
        } else if Double(deletedCount) > configuration.compactionFraction * Double(nodeCount) {
            compact()
        }
        return true
    }

    /// Turns `node` into a tombstone: it keeps routing searches but is never returned.
    mutating func bury(_ node: Int32) {
        guard !isDeleted[Int(node)] else { return }
        isDeleted[Int(node)] = true
        deletedCount += 1
        nodes.removeValue(forKey: ids[Int(node)])
    }

    /// Rebuilds the graph from the live nodes, in their original order.
    mutating func compact() {
        var fresh = HNSWGraph(dimensions: dimensions, configuration: configuration)
        forEachLive { id, vector in fresh.insert(id: id, normalized: vector) }
        self = fresh
    }

    /// Every live id with its stored vector, in node order.
    func forEachLive(_ body: (UInt64, [Float]) -> Void) {
        for node in 0..<nodeCount where !isDeleted[node] {
            let start = node * dimensions
            body(ids[node], Array(vectors[start..<start + dimensions]))
        }
    }
}

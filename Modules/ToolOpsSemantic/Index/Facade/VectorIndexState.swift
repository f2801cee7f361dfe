/// What a ``VectorIndex`` holds: exact rows, or the graph once past the threshold (never both).
struct VectorIndexState: Sendable {
    var flat: FlatStorage
    var graph: HNSWGraph?

    var count: Int { graph?.count ?? flat.count }

    /// A graph of every row, built from a snapshot so the caller can do it without the lock.
    static func graph(of rows: FlatStorage, configuration: HNSWIndex.Configuration) -> HNSWGraph {
        var graph = HNSWGraph(dimensions: rows.dimensions, configuration: configuration)
        rows.forEach { id, vector in graph.insert(id: id, normalized: Array(vector)) }
        return graph
    }

    /// Moves every live node of the graph back into rows.
    mutating func becomeExact() {
        guard let graph else { return }
        graph.forEachLive { id, vector in flat.insert(id: id, normalized: vector) }
        self.graph = nil
    }
}

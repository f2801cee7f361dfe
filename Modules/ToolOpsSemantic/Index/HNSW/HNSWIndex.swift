import Synchronization

/// An approximate nearest-neighbour index: a hierarchical navigable small-world graph (HNSW).
///
/// A search walks a few hundred vectors instead of all of them, so it stays fast at sizes where
/// ``FlatVectorIndex`` is bound by memory bandwidth, at the cost of occasionally missing the true
/// best match (see ``Configuration`` for the trade). Vectors are normalised on insert and queries
/// on search, so scores are cosine similarities. Removal leaves a tombstone, which the next insert
/// takes over, so a cache replacing entries steadily never rebuilds; only when removals outrun
/// inserts and tombstones pass ``Configuration/compactionFraction`` of the nodes is the graph
/// rebuilt from the live vectors, inside that `remove` call (about 1 s per 10,000 vectors at 384
/// dimensions) with other writers held back but not searches. Searches run concurrently with each
/// other and wait only for writes.
///
/// ```swift
/// let index = try HNSWIndex(dimensions: 384, configuration: .init(efSearch: 128))
/// try index.insert(id: 7, vector: embedding)
/// let best = try index.search(queryEmbedding, k: 1, minimumScore: 0.92).first
/// ```
public final class HNSWIndex: Sendable {
    /// The length of every vector and query.
    public let dimensions: Int
    /// The graph's settings.
    public let configuration: Configuration
    private let graph: ReadWriteLocked<HNSWGraph>
    /// Serialises writers, so a rebuild can run outside the graph's write lock (see `remove`).
    private let writers = Mutex(())

    /// An empty index of `dimensions`-long vectors.
    ///
    /// - Throws: ``VectorIndexError`` when `dimensions` or a setting is out of range.
    public init(dimensions: Int, configuration: Configuration = Configuration()) throws(VectorIndexError) {
        guard dimensions >= 1 else { throw .invalid("dimensions must be at least 1, got \(dimensions)") }
        try configuration.validate()
        self.dimensions = dimensions
        self.configuration = configuration
        graph = ReadWriteLocked(HNSWGraph(dimensions: dimensions, configuration: configuration))
    }

    /// How many vectors are stored (tombstones not counted).
    public var count: Int { graph.withReadLock { $0.count } }

    /// Stores `vector` (normalised here) under `id`, replacing any vector `id` had.
    ///
    /// - Throws: ``VectorIndexError`` for a wrong length, a NaN or infinity, or a zero vector.
    public func insert(id: UInt64, vector: [Float]) throws(VectorIndexError) {
        let normalized = try VectorMath.normalized(vector, dimensions: dimensions, role: "vector \(id)")
        writers.withLock { _ in graph.withWriteLock { $0.insert(id: id, normalized: normalized) } }
    }

    /// Removes `id`'s vector; returns whether there was one.
    @discardableResult
    public func remove(id: UInt64) -> Bool {
        writers.withLock { _ in
            let (removed, needsCompaction) = graph.withWriteLock { ($0.remove(id: id), $0.needsCompaction) }
            if needsCompaction {
                // Writers are held back, so the graph cannot change while its live nodes are copied
                // into a new one; searches keep using the old graph until the swap.
                let compacted = graph.withReadLock { $0 }.compacted()
                graph.withWriteLock { $0 = compacted }
            }
            return removed
        }
    }

    /// Removes every vector.
    public func removeAll() {
        writers.withLock { _ in
            graph.withWriteLock { $0 = HNSWGraph(dimensions: dimensions, configuration: configuration) }
        }
    }

    /// The stored vector of `id`, normalised, or `nil`.
    public func vector(for id: UInt64) -> [Float]? {
        graph.withReadLock { $0.vector(for: id) }
    }

    /// Up to `k` stored vectors similar to `query`, scoring at least `minimumScore`, best first.
    ///
    /// Approximate: each match's score is exact, but a better vector may be missed. `k` of 0 or
    /// less returns no matches; the search considers `max(efSearch, k)` candidates.
    ///
    /// - Throws: ``VectorIndexError`` for a query of the wrong length, non-finite or zero.
    public func search(_ query: [Float], k: Int, minimumScore: Float = -1) throws(VectorIndexError) -> [VectorMatch] {
        let normalized = try VectorMath.normalized(query, dimensions: dimensions, role: "query")
        return graph.withReadLock {
            $0.search(normalized, k: k, minimumScore: minimumScore, ef: configuration.efSearch)
        }
    }
}

import Synchronization

/// The semantic cache's vector index: exact while small, approximate (HNSW) once large.
///
/// Up to ``Configuration/approximateThreshold`` vectors it is a ``FlatVectorIndex`` (exact, cheap
/// inserts); the insert that passes the threshold builds an ``HNSWIndex`` graph from them, and
/// removals down to half the threshold go back to exact scan. The graph is built (and, after many
/// removals, rebuilt) inside that insert or remove with other writers held back but not searches,
/// which carry on over the old state: about a second per 10,000 vectors at 384 dimensions. Vectors are normalised on insert and queries on
/// search, so scores are cosine similarities; a zero vector is refused with
/// ``VectorIndexError/Code/zeroVector`` rather than given an arbitrary score. Searches run
/// concurrently with each other and wait only for writes.
///
/// ```swift
/// let index = try VectorIndex(dimensions: embedder.dimensions)
/// try index.insert(id: entryID, vector: try await embedder.embed(prompt))
/// if let hit = try index.search(queryVector, k: 1, minimumScore: 0.92).first { … }
/// ```
public final class VectorIndex: Sendable {
    /// The length of every vector and query.
    public let dimensions: Int
    /// When the index goes approximate, and how.
    public let configuration: Configuration
    private let state: ReadWriteLocked<VectorIndexState>
    /// Serialises writers, so a graph can be built outside the state's write lock (see `insert`).
    private let writers = Mutex(())

    /// An empty, exact index of `dimensions`-long vectors.
    ///
    /// - Throws: ``VectorIndexError`` when `dimensions` or an HNSW setting is out of range.
    public init(dimensions: Int, configuration: Configuration = Configuration()) throws(VectorIndexError) {
        guard dimensions >= 1 else { throw .invalid("dimensions must be at least 1, got \(dimensions)") }
        guard configuration.approximateThreshold >= 1 else { throw .invalid("approximateThreshold must be at least 1") }
        try configuration.hnsw.validate()
        self.dimensions = dimensions
        self.configuration = configuration
        state = ReadWriteLocked(VectorIndexState(flat: FlatStorage(dimensions: dimensions)))
    }

    /// How many vectors are stored.
    public var count: Int { state.withReadLock { $0.count } }

    /// Whether searches currently go through the HNSW graph (and so are approximate).
    public var isApproximate: Bool { state.withReadLock { $0.graph != nil } }

    /// Stores `vector` (normalised here) under `id`, replacing any vector `id` had.
    ///
    /// - Throws: ``VectorIndexError`` for a wrong length, a NaN or infinity, or a zero vector.
    public func insert(id: UInt64, vector: [Float]) throws(VectorIndexError) {
        let normalized = try VectorMath.normalized(vector, dimensions: dimensions, role: "vector \(id)")
        writers.withLock { _ in
            let crossed = state.withWriteLock { state in
                guard state.graph == nil else {
                    state.graph?.insert(id: id, normalized: normalized)
                    return false
                }
                state.flat.insert(id: id, normalized: normalized)
                return state.flat.count > configuration.approximateThreshold
            }
            guard crossed else { return }
            // Writers are held back, so the rows cannot change while the graph is built from them;
            // searches carry on over the rows and wait only for the swap.
            let rows = state.withReadLock { $0.flat }
            let graph = VectorIndexState.graph(of: rows, configuration: configuration.hnsw)
            state.withWriteLock { $0 = VectorIndexState(flat: FlatStorage(dimensions: dimensions), graph: graph) }
        }
    }

    /// Removes `id`'s vector; returns whether there was one.
    @discardableResult
    public func remove(id: UInt64) -> Bool {
        writers.withLock { _ in
            let (removed, needsCompaction) = state.withWriteLock { state in
                guard state.graph != nil else { return (state.flat.remove(id: id), false) }
                let removed = state.graph?.remove(id: id) ?? false
                if state.count <= configuration.exactThreshold { state.becomeExact() }
                return (removed, state.graph?.needsCompaction ?? false)
            }
            if needsCompaction, let graph = state.withReadLock({ $0.graph }) {
                // As for the switch: built beside the live graph, which searches keep using.
                let compacted = graph.compacted()
                state.withWriteLock { $0.graph = compacted }
            }
            return removed
        }
    }

    /// Removes every vector; the index is exact again.
    public func removeAll() {
        writers.withLock { _ in
            state.withWriteLock { $0 = VectorIndexState(flat: FlatStorage(dimensions: dimensions)) }
        }
    }

    /// The stored vector of `id`, normalised, or `nil`.
    public func vector(for id: UInt64) -> [Float]? {
        state.withReadLock { $0.graph?.vector(for: id) ?? $0.flat.vector(for: id) }
    }

    /// The `k` stored vectors most similar to `query`, scoring at least `minimumScore`, best first.
    ///
    /// Exact below the threshold; approximate above it (see ``HNSWIndex/search(_:k:minimumScore:)``).
    ///
    /// - Throws: ``VectorIndexError`` for a query of the wrong length, non-finite or zero.
    public func search(_ query: [Float], k: Int, minimumScore: Float = -1) throws(VectorIndexError) -> [VectorMatch] {
        let normalized = try VectorMath.normalized(query, dimensions: dimensions, role: "query")
        return state.withReadLock { state in
            if let graph = state.graph {
                return graph.search(normalized, k: k, minimumScore: minimumScore, ef: configuration.hnsw.efSearch)
            }
            return state.flat.search(normalized, k: k, minimumScore: minimumScore)
        }
    }
}

/// An exact nearest-neighbour index: every search scans every stored vector.
///
/// Vectors are normalised on insert and queries on search, so scores are cosine similarities.
/// Storage is one contiguous `[Float]`, scanned with 16-lane SIMD dot products; searches run
/// concurrently with each other and wait only for writes. Exact and fast up to a few tens of
/// thousands of vectors; past that, ``VectorIndex`` switches to ``HNSWIndex``.
///
/// ```swift
/// let index = try FlatVectorIndex(dimensions: 384)
/// try index.insert(id: 7, vector: embedding)
/// let best = try index.search(queryEmbedding, k: 1, minimumScore: 0.92).first
/// ```
public final class FlatVectorIndex: Sendable {
    /// The length of every vector and query.
    public let dimensions: Int
    private let storage: ReadWriteLocked<FlatStorage>

    /// An empty index of `dimensions`-long vectors.
    ///
    /// - Throws: ``VectorIndexError`` when `dimensions` is below 1.
    public init(dimensions: Int) throws(VectorIndexError) {
        guard dimensions >= 1 else { throw .invalid("dimensions must be at least 1, got \(dimensions)") }
        self.dimensions = dimensions
        storage = ReadWriteLocked(FlatStorage(dimensions: dimensions))
    }

    /// How many vectors are stored.
    public var count: Int { storage.withReadLock { $0.count } }

    /// Stores `vector` (normalised here) under `id`, replacing any vector `id` had.
    ///
    /// - Throws: ``VectorIndexError`` for a wrong length, a NaN or infinity, or a zero vector.
    public func insert(id: UInt64, vector: [Float]) throws(VectorIndexError) {
        let normalized = try VectorMath.normalized(vector, dimensions: dimensions, role: "vector \(id)")
        storage.withWriteLock { $0.insert(id: id, normalized: normalized) }
    }

    /// Removes `id`'s vector; returns whether there was one.
    @discardableResult
    public func remove(id: UInt64) -> Bool {
        storage.withWriteLock { $0.remove(id: id) }
    }

    /// Removes every vector.
    public func removeAll() {
        storage.withWriteLock { $0.removeAll() }
    }

    /// The stored vector of `id`, normalised, or `nil`.
    public func vector(for id: UInt64) -> [Float]? {
        storage.withReadLock { $0.vector(for: id) }
    }

    /// The `k` stored vectors most similar to `query`, scoring at least `minimumScore`, best first.
    ///
    /// Exact: the result equals sorting every stored vector by cosine similarity. `k` of 0 or
    /// less returns no matches.
    ///
    /// - Throws: ``VectorIndexError`` for a query of the wrong length, non-finite or zero.
    public func search(_ query: [Float], k: Int, minimumScore: Float = -1) throws(VectorIndexError) -> [VectorMatch] {
        let normalized = try VectorMath.normalized(query, dimensions: dimensions, role: "query")
        return storage.withReadLock { $0.search(normalized, k: k, minimumScore: minimumScore) }
    }
}

extension HNSWIndex {
    /// How an ``HNSWIndex`` trades build time and memory for recall.
    ///
    /// The defaults reach recall@1 above 0.95 against exact search on the benchmark's clustered
    /// 384-dimension data; raise ``efSearch`` for more recall at the cost of slower searches.
    public struct Configuration: Sendable, Hashable {
        /// Links per node on the upper layers (twice as many on the bottom layer); at least 2.
        public var m: Int
        /// Candidates considered when linking a new node; at least 1.
        public var efConstruction: Int
        /// Candidates considered per search (at least `k`); at least 1.
        public var efSearch: Int
        /// The share of removed nodes past which the graph is rebuilt from the live ones, in `0...1`.
        ///
        /// Removed nodes stay in the graph as tombstones: they still route searches but are never
        /// returned, and inserts take them over. Rebuilding costs as much as inserting every live
        /// vector again.
        public var compactionFraction: Double
        /// Seeds the generator that draws each node's layer, so builds are reproducible.
        public var seed: UInt64

        /// Settings with the defaults: `m` 16, `efConstruction` 40 (Faiss's default; hnswlib's 200 builds
        /// five times slower for little recall on embedding-like data), `efSearch` 64.
        public init(
            m: Int = 16,
            efConstruction: Int = 40,
            efSearch: Int = 64,
            compactionFraction: Double = 0.25,
            seed: UInt64 = 0x5EED_0F_4A5F
        ) {
            self.m = m
            self.efConstruction = efConstruction
            self.efSearch = efSearch
            self.compactionFraction = compactionFraction
            self.seed = seed
        }

        func validate() throws(VectorIndexError) {
            guard m >= 2, m <= 1_000 else { throw .invalid("HNSW m must be in 2...1000, got \(m)") }
            guard efConstruction >= 1 else { throw .invalid("HNSW efConstruction must be at least 1") }
            guard efSearch >= 1 else { throw .invalid("HNSW efSearch must be at least 1") }
            guard (0...1).contains(compactionFraction) else {
                throw .invalid("HNSW compactionFraction must be in 0...1, got \(compactionFraction)")
            }
        }
    }
}

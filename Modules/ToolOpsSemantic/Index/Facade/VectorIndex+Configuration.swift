extension VectorIndex {
    /// When a ``VectorIndex`` goes approximate, and how its graph is built.
    public struct Configuration: Sendable, Hashable {
        /// The count above which the index switches from exact scan to HNSW.
        ///
        /// It switches back to exact scan when removals bring the count down to half of this, so an
        /// index hovering at the threshold does not rebuild on every insert and remove. `Int.max`
        /// keeps the index exact. The default, 15,000, is where a 384-dimension exact scan takes about
        /// 1 ms on the benchmark machine (the graph then answers in about 0.1 ms); building the graph
        /// for that many vectors takes about a second, once, inside the insert that crosses it.
        public var approximateThreshold: Int
        /// The graph's settings once approximate.
        public var hnsw: HNSWIndex.Configuration

        /// Settings switching to HNSW above `approximateThreshold` vectors.
        public init(approximateThreshold: Int = 15_000, hnsw: HNSWIndex.Configuration = HNSWIndex.Configuration()) {
            self.approximateThreshold = approximateThreshold
            self.hnsw = hnsw
        }

        /// The count at or below which an approximate index goes back to exact scan.
        var exactThreshold: Int { approximateThreshold / 2 }
    }
}

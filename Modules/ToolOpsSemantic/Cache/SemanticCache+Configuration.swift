import Synchronization
import ToolOpsCore

extension SemanticCache {
    /// Bounds, guards, namespace and store synchronisation.
    public struct Configuration: Sendable {
        /// The most answers held; past it, the least recently used are evicted. Default 10,000.
        public var maxEntries: Int
        /// The near-miss guards. Default: all on.
        public var guards: NearMissGuards.Configuration
        /// The namespace (tenant, environment): answers of other namespaces never match. Default "default".
        public var namespace: String
        /// How many nearest neighbours are checked against freshness and the guards. Default 4.
        public var candidates: Int
        /// How often, at most, a lookup first reads the store's changes from other processes. Default 1 s.
        public var syncInterval: Duration
        /// The vector index settings.
        public var index: VectorIndex.Configuration
        /// How many texts' vectors are remembered, so the same text is never embedded twice (the
        /// embedder is wrapped in a ``CachingEmbedder`` unless it is a ``MemoizingEmbedder``); 0 for
        /// none. Default 10,000.
        public var embeddingMemo: Int

        /// The defaults, with the values given; out-of-range bounds are raised to 1 (0 for the memo).
        public init(
            maxEntries: Int = 10_000, guards: NearMissGuards.Configuration = NearMissGuards.Configuration(),
            namespace: String = "default", candidates: Int = 4, syncInterval: Duration = .seconds(1),
            index: VectorIndex.Configuration = VectorIndex.Configuration(), embeddingMemo: Int = 10_000
        ) {
            self.maxEntries = max(1, maxEntries)
            self.guards = guards
            self.namespace = namespace
            self.candidates = max(1, candidates)
            self.syncInterval = syncInterval
            self.index = index
            self.embeddingMemo = max(0, embeddingMemo)
        }
    }
}

import ToolOpsCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension MemoryCache {
    /// The bounds, sharding and clock of a ``MemoryCache``.
    ///
    /// Both bounds hold exactly at every moment, also under many concurrent writers: each shard
    /// owns a fixed share of ``maxEntries`` and ``maxBytes`` (the shares add up to the totals), so
    /// no interleaving of writes can push the cache past either bound. The price is that a shard
    /// whose keys are more popular than its share evicts a little before the whole cache is full
    /// (with the default 8 shards, typically within a few percent of ``maxEntries``).
    ///
    /// ```swift
    /// let cache = MemoryCache(configuration: .init(maxEntries: 50_000, maxBytes: 256 << 20))
    /// ```
    public struct Configuration: Sendable {
        /// The most entries the cache holds. Default 10,000.
        public var maxEntries: Int
        /// The most bytes the cache holds, counted with ``CacheEntry/cost``. Default 64 MiB.
        ///
        /// An entry costing more than one shard's share (`maxBytes / shards`) is not kept.
        public var maxBytes: Int
        /// How many independently locked shards the cache is split into; a power of two.
        ///
        /// More shards mean less lock contention between cores; fewer mean least-recently-used
        /// order is kept over a larger group of entries. A value that is not a power of two is
        /// rounded down to one, and there are never more shards than ``maxEntries``.
        public var shards: Int
        /// Where time comes from for expiry.
        public var clock: any ToolClock

        /// A configuration; `shards` defaults to ``defaultShardCount(maxEntries:maxBytes:)``.
        public init(
            maxEntries: Int = 10_000,
            maxBytes: Int = 64 << 20,
            shards: Int? = nil,
            clock: any ToolClock = SystemClock()
        ) {
            self.maxEntries = max(0, maxEntries)
            self.maxBytes = max(0, maxBytes)
            self.shards = shards ?? Self.defaultShardCount(maxEntries: maxEntries, maxBytes: maxBytes)
            self.clock = clock
        }

        /// The shard count used when none is given.
        ///
        /// Four shards per core (at most 64), halved while a shard would hold fewer than 256
        /// entries or less than 1 MiB, so small caches keep one exact LRU order.
        public static func defaultShardCount(maxEntries: Int, maxBytes: Int) -> Int {
            let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
            var shards = 1
            while shards < min(cores * 4, 64) { shards <<= 1 }
            while shards > 1 && (maxEntries / shards < 256 || maxBytes / shards < 1 << 20) {
                shards >>= 1
            }
            return shards
        }

        /// ``shards`` made valid: a power of two, at least 1, at most ``maxEntries``.
        var effectiveShardCount: Int {
            let wanted = max(1, min(shards, max(1, maxEntries)))
            var count = 1
            while count << 1 <= wanted { count <<= 1 }
            return count
        }
    }
}

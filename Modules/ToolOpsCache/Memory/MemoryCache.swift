import ToolOpsCore

/// A bounded, sharded, least-recently-used cache in process memory: the default store.
///
/// Entries are split into shards by key, each under its own lock, so cores rarely contend. Every
/// operation is O(1): a hit hashes the key once, takes one lock, probes one index and moves the
/// entry to the front of the shard's recency list, allocating nothing. When a write would push a shard past its share of ``Configuration/maxEntries``
/// or ``Configuration/maxBytes``, the shard's least recently *used* entries are evicted.
///
/// Entries past ``CacheEntry/staleUntil`` are never returned: a lookup drops them, each write
/// checks a few slots for expired entries, and ``sweep()`` removes all of them at once. The
/// ``CacheEntry/decoded`` value is kept as given, so a hit needs no decoding.
///
/// The protocol's methods are synchronous here: call them directly without `await` when you
/// hold a `MemoryCache` rather than an `any CacheStore`.
///
/// ```swift
/// let cache = MemoryCache(configuration: .init(maxEntries: 1_000))
/// cache.store(entry, for: key)
/// let hit = cache.entry(for: key)
/// ```
public final class MemoryCache: CacheStore {
    /// The configuration the cache was created with.
    public let configuration: Configuration
    private let clock: any ToolClock
    private let shards: [MemoryCacheShard]
    private let shardMask: Int

    /// Creates an empty cache.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.clock = configuration.clock
        let count = configuration.effectiveShardCount
        // Exact shares: the first `remainder` shards take one more, so shares add up to the bound.
        shards = (0..<count).map { index in
            MemoryCacheShard(
                maxEntries: Self.share(of: configuration.maxEntries, shard: index, of: count),
                maxBytes: Self.share(of: configuration.maxBytes, shard: index, of: count)
            )
        }
        shardMask = count - 1
    }

    /// The number of shards in use.
    public var shardCount: Int { shards.count }

    /// The entry for `key` if it is fresh or stale; `nil` when absent or expired.
    ///
    /// A hit makes the entry the most recently used of its shard. An expired entry is removed.
    public func entry(for key: CallKey) -> CacheEntry? {
        let hash = key.hash64
        let now = clock.now()
        return shard(for: hash).entry(for: key, hash: Int(truncatingIfNeeded: hash), now: now)
    }

    /// Stores `entry` under `key`, replacing any previous one.
    ///
    /// Least recently used entries of the key's shard are evicted until the entry fits. An entry
    /// already expired, or costing more than a shard's share of ``Configuration/maxBytes``, is
    /// not kept (it is counted as expired or evicted at once).
    public func store(_ entry: CacheEntry, for key: CallKey) {
        let hash = key.hash64
        let now = clock.now()
        shard(for: hash).store(entry, for: key, hash: Int(truncatingIfNeeded: hash), cost: entry.cost, now: now)
    }

    /// Removes the entry for `key`; returns whether there was one.
    @discardableResult
    public func removeEntry(for key: CallKey) -> Bool {
        let hash = key.hash64
        return shard(for: hash).remove(key, hash: Int(truncatingIfNeeded: hash))
    }

    /// Removes every entry in `scope`; returns how many were removed.
    ///
    /// Scoped invalidation visits every entry (it is rare next to lookups); ``CacheScope/all``
    /// just empties each shard.
    @discardableResult
    public func invalidate(_ scope: CacheScope) -> Int {
        switch scope {
        case .all:
            return shards.reduce(0) { $0 + $1.clear() }
        case .tool(let name):
            return shards.reduce(0) { $0 + $1.removeAll { $0.tool.name == name } }
        case .tag(let tag):
            return shards.reduce(0) { $0 + $1.removeAll { $0.tags.contains(tag) } }
        }
    }

    /// Removes every expired entry now; returns how many were removed.
    @discardableResult
    public func sweep() -> Int {
        let now = clock.now()
        return shards.reduce(0) { $0 + $1.sweep(now: now) }
    }

    /// Counters and sizes, summed over the shards.
    public func statistics() -> CacheStatistics {
        var total = CacheStatistics()
        for shard in shards {
            let part = shard.statistics()
            total.entries += part.entries
            total.bytes += part.bytes
            total.hits += part.hits
            total.misses += part.misses
            total.writes += part.writes
            total.evictions += part.evictions
            total.expirations += part.expirations
        }
        return total
    }

    @inline(__always)
    private func shard(for hash: UInt64) -> MemoryCacheShard {
        // The high bits: the table probes with the low ones, so shard and position stay independent.
        shards[Int(truncatingIfNeeded: hash >> 40) & shardMask]
    }

    private static func share(of total: Int, shard index: Int, of count: Int) -> Int {
        total / count + (index < total % count ? 1 : 0)
    }
}

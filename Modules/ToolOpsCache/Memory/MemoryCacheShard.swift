import Synchronization
import ToolOpsCore

/// One independently locked part of a ``MemoryCache``, with its exact share of the bounds.
///
/// A shard keeps its entries in an ``LRUTable`` under one `Mutex`: a lookup is one lock, a probe
/// of its index, an expiry check and a relink of two list nodes. Writes evict from the least recently used
/// end until the new entry fits, and check a couple of slots for expiry on the way (a rotating
/// cursor), so expired entries that nobody asks for again are found within one pass over the
/// shard's slots without ever scanning it whole on the write path.
final class MemoryCacheShard: Sendable {
    struct State {
        /// Entries with their cost and their `staleUntil` as expiry.
        var table = LRUTable<CallKey, CacheEntry>()
        var hits = 0
        var misses = 0
        var writes = 0
        var evictions = 0
        var expirations = 0
        var sweepCursor = 0
    }

    /// Slots checked for expiry on each write.
    private static let sweepSlotsPerWrite = 2

    let maxEntries: Int
    let maxBytes: Int
    private let state = Mutex(State())

    init(maxEntries: Int, maxBytes: Int) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    /// The entry for `key` unless it is absent or expired at `now`; a hit refreshes its recency.
    @inline(__always)
    func entry(for key: CallKey, hash: Int, now: Timestamp) -> CacheEntry? {
        state.withLock { state in
            guard let slot = state.table.slot(of: key, hash: hash) else {
                state.misses &+= 1
                return nil
            }
            guard now < state.table.expiry(at: slot) else {
                state.table.remove(at: slot)
                state.expirations &+= 1
                state.misses &+= 1
                return nil
            }
            state.table.touch(slot)
            state.hits &+= 1
            return state.table.valueIfPresent(at: slot)
        }
    }

    /// Stores `entry` under `key`, evicting least recently used entries until it fits.
    func store(_ entry: CacheEntry, for key: CallKey, hash: Int, cost: Int, now: Timestamp) {
        state.withLock { state in
            if let slot = state.table.slot(of: key, hash: hash) {
                state.table.remove(at: slot)
            }
            state.writes &+= 1
            guard now < entry.staleUntil else {
                // Already past its stale window: counted as written and expired at once.
                state.expirations &+= 1
                return
            }
            guard cost <= maxBytes, maxEntries > 0 else {
                // Larger than this shard's whole share: it could never be kept.
                state.evictions &+= 1
                return
            }
            while state.table.count >= maxEntries || state.table.totalCost + cost > maxBytes,
                let victim = state.table.leastRecentSlot
            {
                if now < state.table.expiry(at: victim) {
                    state.evictions &+= 1
                } else {
                    state.expirations &+= 1
                }
                state.table.remove(at: victim)
            }
            state.table.insert(entry, for: key, hash: hash, cost: cost, expiry: entry.staleUntil)
            Self.sweepStep(&state, now: now, slots: Self.sweepSlotsPerWrite)
        }
    }

    /// Removes the entry for `key`; returns whether there was one.
    func remove(_ key: CallKey, hash: Int) -> Bool {
        state.withLock { state in
            guard let slot = state.table.slot(of: key, hash: hash) else { return false }
            state.table.remove(at: slot)
            return true
        }
    }

    /// Removes every entry `matches` selects; returns how many.
    func removeAll(where matches: (CacheEntry) -> Bool) -> Int {
        state.withLock { state in
            var removed = 0
            for slot in state.table.slotsFromLeastRecent where matches(state.table.value(at: slot)) {
                state.table.remove(at: slot)
                removed += 1
            }
            return removed
        }
    }

    /// Removes every entry; returns how many there were.
    func clear() -> Int {
        state.withLock { state in
            let count = state.table.count
            state.table.removeAll()
            state.sweepCursor = 0
            return count
        }
    }

    /// Removes every entry expired at `now`; returns how many.
    func sweep(now: Timestamp) -> Int {
        state.withLock { state in
            Self.sweepStep(&state, now: now, slots: state.table.slotCount)
        }
    }

    /// This shard's counters and sizes.
    func statistics() -> CacheStatistics {
        state.withLock { state in
            CacheStatistics(
                entries: state.table.count,
                bytes: state.table.totalCost,
                hits: state.hits,
                misses: state.misses,
                writes: state.writes,
                evictions: state.evictions,
                expirations: state.expirations
            )
        }
    }

    /// Checks `slots` slots from the sweep cursor on, removing expired entries; returns how many.
    @discardableResult
    private static func sweepStep(_ state: inout State, now: Timestamp, slots: Int) -> Int {
        let slotCount = state.table.slotCount
        guard slotCount > 0 else { return 0 }
        var removed = 0
        for _ in 0..<min(slots, slotCount) {
            if state.sweepCursor >= slotCount { state.sweepCursor = 0 }
            let slot = state.sweepCursor
            state.sweepCursor += 1
            guard state.table.isOccupied(slot), now >= state.table.expiry(at: slot) else { continue }
            state.table.remove(at: slot)
            state.expirations &+= 1
            removed += 1
        }
        return removed
    }
}

import Synchronization
import ToolOpsCore

/// One independently locked part of a ``MemoryCache``, with its exact share of the bounds.
///
/// A shard keeps its entries in an ``LRUTable`` under one `Mutex`: a lookup is one lock, one
/// dictionary probe and a relink of two list nodes. Writes evict from the least recently used
/// end until the new entry fits, and check a couple of slots for expiry on the way (a rotating
/// cursor), so expired entries that nobody asks for again are found within one pass over the
/// shard's slots without ever scanning it whole on the write path.
final class MemoryCacheShard: Sendable {
    /// An entry and the cost it was charged when stored.
    struct Stored {
        var entry: CacheEntry
        var cost: Int
    }

    struct State {
        var table = LRUTable<CallKey, Stored>()
        var bytes = 0
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
    func entry(for key: CallKey, now: Timestamp) -> CacheEntry? {
        state.withLock { state in
            guard let slot = state.table.slot(of: key) else {
                state.misses &+= 1
                return nil
            }
            let stored = state.table.value(at: slot)
            guard now < stored.entry.staleUntil else {
                state.table.remove(at: slot)
                state.bytes -= stored.cost
                state.expirations &+= 1
                state.misses &+= 1
                return nil
            }
            state.table.touch(slot)
            state.hits &+= 1
            return stored.entry
        }
    }

    /// Stores `entry` under `key`, evicting least recently used entries until it fits.
    func store(_ entry: CacheEntry, for key: CallKey, cost: Int, now: Timestamp) {
        state.withLock { state in
            if let slot = state.table.slot(of: key) {
                state.bytes -= state.table.remove(at: slot).value.cost
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
            while state.table.count >= maxEntries || state.bytes + cost > maxBytes,
                let victim = state.table.leastRecentSlot
            {
                let removed = state.table.remove(at: victim).value
                state.bytes -= removed.cost
                if now < removed.entry.staleUntil {
                    state.evictions &+= 1
                } else {
                    state.expirations &+= 1
                }
            }
            state.table.insert(Stored(entry: entry, cost: cost), for: key)
            state.bytes += cost
            Self.sweepStep(&state, now: now, slots: Self.sweepSlotsPerWrite)
        }
    }

    /// Removes the entry for `key`; returns whether there was one.
    func remove(_ key: CallKey) -> Bool {
        state.withLock { state in
            guard let slot = state.table.slot(of: key) else { return false }
            state.bytes -= state.table.remove(at: slot).value.cost
            return true
        }
    }

    /// Removes every entry `matches` selects; returns how many.
    func removeAll(where matches: (CacheEntry) -> Bool) -> Int {
        state.withLock { state in
            var removed = 0
            for slot in state.table.slotsFromLeastRecent where matches(state.table.value(at: slot).entry) {
                state.bytes -= state.table.remove(at: slot).value.cost
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
            state.bytes = 0
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
                bytes: state.bytes,
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
            guard state.table.isOccupied(slot), now >= state.table.value(at: slot).entry.staleUntil else { continue }
            state.bytes -= state.table.remove(at: slot).value.cost
            state.expirations &+= 1
            removed += 1
        }
        return removed
    }
}

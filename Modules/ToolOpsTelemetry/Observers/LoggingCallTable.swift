import ToolOpsCore

/// The calls a ``ToolLoggingObserver`` tracks, by call id: at most a fixed number.
///
/// When it is full, new calls are not tracked rather than the table growing; their summaries say
/// less (see ``ToolLoggingObserver/Configuration/maxTrackedCalls``). Memory is bounded by the
/// high-water mark, never more than about twice ``capacity`` small slots.
///
/// Every event of every tracked call touches this table, under the observer's lock, so it is an
/// open-addressing table keyed by the call id itself: ids are multiplied by a constant (Fibonacci
/// hashing) rather than run through `Hasher`, probing is linear, and removal shifts the following
/// entries back instead of leaving tombstones. No allocation happens once it has grown to the
/// number of calls in flight.
struct LoggingCallTable: Sendable {
    /// The most calls tracked at once.
    let capacity: Int
    // `ids[slot] == 0` marks a free slot; a tracked call's id is stored plus one.
    private var ids: [UInt64]
    private var states: [LoggingCallState]
    private var shift: UInt64
    /// How many calls are tracked now.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
        ids = Array(repeating: 0, count: 16)
        states = Array(repeating: LoggingCallState(), count: 16)
        shift = 64 - 4
    }

    /// Starts tracking `callID` with an empty state; does nothing if the table is full.
    @inline(__always)
    mutating func start(_ callID: UInt64) {
        guard callID != .max else { return }
        if let slot = find(callID) {
            states[slot] = LoggingCallState()
            return
        }
        guard count < capacity else { return }
        if (count + 1) * 4 > ids.count * 3 { grow() }
        var slot = home(callID)
        while ids[slot] != 0 { slot = (slot + 1) & (ids.count - 1) }
        ids[slot] = callID &+ 1
        states[slot] = LoggingCallState()
        count += 1
    }

    /// Applies `update` to `callID`'s state, if the call is tracked.
    @inline(__always)
    mutating func update(_ callID: UInt64, with update: LoggingCallUpdate) {
        if let slot = find(callID) { states[slot].apply(update) }
    }

    /// Stops tracking `callID` and returns its state, or `nil` if it was not tracked.
    @inline(__always)
    mutating func finish(_ callID: UInt64) -> LoggingCallState? {
        guard let slot = find(callID) else { return nil }
        let state = states[slot]
        remove(at: slot)
        return state
    }

    private func home(_ callID: UInt64) -> Int {
        Int(truncatingIfNeeded: (callID &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private func find(_ callID: UInt64) -> Int? {
        guard count > 0, callID != .max else { return nil }
        let stored = callID &+ 1
        var slot = home(callID)
        while ids[slot] != 0 {
            if ids[slot] == stored { return slot }
            slot = (slot + 1) & (ids.count - 1)
        }
        return nil
    }

    // Backward-shift deletion: move later entries of the probe run into the hole when their
    // home slot allows it, so lookups never need tombstones.
    private mutating func remove(at removed: Int) {
        let mask = ids.count - 1
        var hole = removed
        var slot = (hole + 1) & mask
        while ids[slot] != 0 {
            let home = home(ids[slot] &- 1)
            // The entry may move to the hole unless its home lies cyclically in (hole, slot].
            let distanceToSlot = (slot - home) & mask
            let distanceToHole = (hole - home) & mask
            if distanceToHole < distanceToSlot {
                ids[hole] = ids[slot]
                states[hole] = states[slot]
                hole = slot
            }
            slot = (slot + 1) & mask
        }
        ids[hole] = 0
        states[hole] = LoggingCallState()
        count -= 1
    }

    private mutating func grow() {
        let oldIDs = ids
        let oldStates = states
        let size = oldIDs.count * 2
        ids = Array(repeating: 0, count: size)
        states = Array(repeating: LoggingCallState(), count: size)
        shift -= 1
        for index in oldIDs.indices where oldIDs[index] != 0 {
            var slot = home(oldIDs[index] &- 1)
            while ids[slot] != 0 { slot = (slot + 1) & (size - 1) }
            ids[slot] = oldIDs[index]
            states[slot] = oldStates[index]
        }
    }
}

/// An open-addressing hash index from a hash to a slot number: how an ``LRUTable`` finds a key.
///
/// Linear probing over a power-of-two array of slot numbers kept at most half full, so probe
/// runs stay short. Removal shifts later members of a run back into the hole (backward-shift
/// deletion), so no tombstones accumulate and lookups never slow down with churn. The index
/// stores no hashes or keys itself; its owner answers for them through closures, which inline.
struct SlotIndex {
    /// Slot numbers by position; -1 is empty.
    private var positions: ContiguousArray<Int32>

    /// An index for up to `capacity / 2` slots; `capacity` is rounded up to a power of two.
    init(capacity: Int = 8) {
        var size = 8
        while size < capacity { size <<= 1 }
        positions = ContiguousArray(repeating: -1, count: size)
    }

    /// Whether holding `count` slots would make the index more than half full.
    func needsGrowth(toHold count: Int) -> Bool { count * 2 > positions.count }

    /// The first slot in `hash`'s probe run that `matches` accepts.
    @inline(__always)
    func slot(hash: Int, where matches: (Int) -> Bool) -> Int? {
        let mask = positions.count &- 1
        var position = hash & mask
        while true {
            let slot = Int(positions[position])
            if slot < 0 { return nil }
            if matches(slot) { return slot }
            position = (position &+ 1) & mask
        }
    }

    /// Adds `slot`, whose key has `hash`.
    mutating func insert(_ slot: Int32, hash: Int) {
        let mask = positions.count &- 1
        var position = hash & mask
        while positions[position] >= 0 { position = (position &+ 1) & mask }
        positions[position] = slot
    }

    /// Takes out `slot`, whose key has `hash`; `hashOf` gives the hash of any other slot.
    mutating func remove(_ slot: Int32, hash: Int, hashOf: (Int32) -> Int) {
        let mask = positions.count &- 1
        var hole = hash & mask
        while positions[hole] != slot { hole = (hole &+ 1) & mask }
        var position = hole
        while true {
            position = (position &+ 1) & mask
            let candidate = positions[position]
            if candidate < 0 { break }
            let home = hashOf(candidate) & mask
            // The candidate may fill the hole unless its home lies cyclically in (hole, position].
            let stays = hole <= position ? (hole < home && home <= position) : (hole < home || home <= position)
            if !stays {
                positions[hole] = candidate
                hole = position
            }
        }
        positions[hole] = -1
    }

    /// Empties the index, keeping its size.
    mutating func removeAll() {
        for position in positions.indices { positions[position] = -1 }
    }

    /// A twice-as-large index holding `slots`, each with its hash.
    func grown(with slots: some Sequence<(slot: Int32, hash: Int)>) -> SlotIndex {
        var grown = SlotIndex(capacity: positions.count * 2)
        for (slot, hash) in slots { grown.insert(slot, hash: hash) }
        return grown
    }
}

import ToolOpsCore

/// A hash table that keeps its entries in least-recently-used order, with a cost and an expiry
/// per entry.
///
/// Every operation is O(1). Nodes live in one array and form an intrusive doubly linked list
/// through slot indices (most recent at the head, least recent at the tail); freed slots are
/// chained into a free list and reused. Keys are found through a ``SlotIndex``, probed with a
/// hash the caller computes once per operation (its low bits must be evenly spread) — the table
/// itself never hashes.
/// Once the arrays have grown to the table's high-water mark, nothing allocates. Each entry's
/// cost and expiry sit in arrays of their own, so checking them copies nothing, and the table
/// keeps the total cost.
///
/// Not thread-safe: its owner guards it with a lock. Shared by ``MemoryCache`` (one table per
/// shard) and ``FileCache`` (its index).
struct LRUTable<Key: Equatable, Value> {
    private struct Link {
        /// Toward the head (more recently used); -1 at the head, -2 in a free slot.
        var previous: Int32
        /// Toward the tail (less recently used); -1 at the tail. Also chains the free list.
        var next: Int32
    }

    // One slot per index of these parallel arrays; a free slot keeps its stale key and hash,
    // which nothing reads (the index never points at a free slot), and a `nil` value.
    private var keys: ContiguousArray<Key> = []
    private var hashes: ContiguousArray<Int> = []
    private var values: ContiguousArray<Value?> = []
    private var costs: ContiguousArray<Int> = []
    private var expiries: ContiguousArray<Timestamp> = []
    private var links: ContiguousArray<Link> = []
    private var index = SlotIndex()
    private var head: Int32 = -1
    private var tail: Int32 = -1
    private var freeHead: Int32 = -1
    private(set) var count = 0
    /// The sum of the entries' costs.
    private(set) var totalCost = 0

    init() {}

    /// The number of slots, occupied or free; slot indices are below it.
    var slotCount: Int { values.count }

    /// The slot holding `key`, if any. Does not change the order.
    @inline(__always)
    func slot(of key: Key, hash: Int) -> Int? {
        index.slot(hash: hash) { hashes[$0] == hash && keys[$0] == key }
    }

    /// The value in an occupied `slot`.
    @inline(__always)
    func value(at slot: Int) -> Value { values[slot].unsafelyUnwrapped }

    /// The value in `slot`, `nil` for a free slot. Copies the value once, straight into the
    /// result: the cheapest read for a caller that returns an optional anyway.
    @inline(__always)
    func valueIfPresent(at slot: Int) -> Value? { values[slot] }

    /// The cost of the entry in an occupied `slot`.
    @inline(__always)
    func cost(at slot: Int) -> Int { costs[slot] }

    /// The expiry of the entry in an occupied `slot`.
    @inline(__always)
    func expiry(at slot: Int) -> Timestamp { expiries[slot] }

    /// The key in an occupied `slot`.
    func key(at slot: Int) -> Key { keys[slot] }

    /// Whether `slot` holds an entry (free slots do not).
    func isOccupied(_ slot: Int) -> Bool { links[slot].previous != Self.free }

    private static var free: Int32 { -2 }

    /// The least recently used slot, if the table is not empty.
    var leastRecentSlot: Int? { tail < 0 ? nil : Int(tail) }

    /// Marks `slot` as the most recently used.
    @inline(__always)
    mutating func touch(_ slot: Int) {
        let slot = Int32(truncatingIfNeeded: slot)
        guard slot != head else { return }
        unlink(slot)
        linkAtHead(slot)
    }

    /// Replaces the entry in an occupied `slot` and marks it most recently used.
    mutating func replace(at slot: Int, with value: Value, cost: Int, expiry: Timestamp) {
        values[slot] = value
        totalCost += cost - costs[slot]
        costs[slot] = cost
        expiries[slot] = expiry
        touch(slot)
    }

    /// Inserts `value` for `key` (with its `hash`), which must not be present, as the most
    /// recently used entry.
    @discardableResult
    mutating func insert(_ value: Value, for key: Key, hash: Int, cost: Int, expiry: Timestamp) -> Int {
        if index.needsGrowth(toHold: count + 1) { growIndex() }
        let slot: Int32
        if freeHead >= 0 {
            slot = freeHead
            freeHead = links[Int(slot)].next
            keys[Int(slot)] = key
            hashes[Int(slot)] = hash
            values[Int(slot)] = value
            costs[Int(slot)] = cost
            expiries[Int(slot)] = expiry
            links[Int(slot)] = Link(previous: -1, next: -1)
        } else {
            slot = Int32(values.count)
            keys.append(key)
            hashes.append(hash)
            values.append(value)
            costs.append(cost)
            expiries.append(expiry)
            links.append(Link(previous: -1, next: -1))
        }
        index.insert(slot, hash: hash)
        count += 1
        totalCost += cost
        linkAtHead(slot)
        return Int(slot)
    }

    /// Inserts `value` for `key` as the *least* recently used entry (for rebuilding an order).
    @discardableResult
    mutating func insertLeastRecent(_ value: Value, for key: Key, hash: Int, cost: Int, expiry: Timestamp) -> Int {
        let slot = Int32(insert(value, for: key, hash: hash, cost: cost, expiry: expiry))
        guard slot != tail else { return Int(slot) }
        unlink(slot)
        links[Int(slot)].previous = tail
        links[Int(tail)].next = slot
        tail = slot
        return Int(slot)
    }

    /// Removes the entry in an occupied `slot` and returns it.
    @discardableResult
    mutating func remove(at slot: Int) -> (key: Key, value: Value) {
        let slot32 = Int32(truncatingIfNeeded: slot)
        unlink(slot32)
        let hashes = self.hashes
        index.remove(slot32, hash: hashes[slot]) { hashes[Int($0)] }
        let value = values[slot].unsafelyUnwrapped
        // Release the value now; the slot joins the free list.
        values[slot] = nil
        links[slot] = Link(previous: Self.free, next: freeHead)
        freeHead = slot32
        count -= 1
        totalCost -= costs[slot]
        return (keys[slot], value)
    }

    /// Removes every entry, keeping the storage for reuse.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        hashes.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        costs.removeAll(keepingCapacity: true)
        expiries.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        index.removeAll()
        head = -1
        tail = -1
        freeHead = -1
        count = 0
        totalCost = 0
    }

    /// The occupied slots from least to most recently used.
    var slotsFromLeastRecent: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        var slot = tail
        while slot >= 0 {
            result.append(Int(slot))
            slot = links[Int(slot)].previous
        }
        return result
    }

    // MARK: - Recency list

    @inline(__always)
    private mutating func unlink(_ slot: Int32) {
        let link = links[Int(slot)]
        if link.previous >= 0 { links[Int(link.previous)].next = link.next } else if head == slot { head = link.next }
        if link.next >= 0 {
            links[Int(link.next)].previous = link.previous
        } else if tail == slot {
            tail = link.previous
        }
        links[Int(slot)] = Link(previous: -1, next: -1)
    }

    @inline(__always)
    private mutating func linkAtHead(_ slot: Int32) {
        links[Int(slot)] = Link(previous: -1, next: head)
        if head >= 0 { links[Int(head)].previous = slot }
        head = slot
        if tail < 0 { tail = slot }
    }

    private mutating func growIndex() {
        var slots: [(slot: Int32, hash: Int)] = []
        slots.reserveCapacity(count)
        var slot = head
        while slot >= 0 {
            slots.append((slot, hashes[Int(slot)]))
            slot = links[Int(slot)].next
        }
        index = index.grown(with: slots)
    }
}

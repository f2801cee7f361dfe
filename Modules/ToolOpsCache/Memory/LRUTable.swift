/// A hash table that also keeps its entries in least-recently-used order.
///
/// Every operation is O(1): a dictionary maps each key to a slot of one node array, and the
/// nodes form an intrusive doubly linked list through slot indices (most recent at the head,
/// least recent at the tail). Freed slots are chained into a free list and reused, so once the
/// array has grown to the table's high-water mark, inserting allocates nothing but the
/// dictionary's own storage. Not thread-safe: its owner guards it with a lock.
///
/// Shared by ``MemoryCache`` (one table per shard) and ``FileCache`` (its index).
struct LRUTable<Key: Hashable, Value> {
    private struct Node {
        var key: Key?
        var value: Value?
        /// Toward the head (more recently used); -1 at the head.
        var previous: Int
        /// Toward the tail (less recently used); -1 at the tail. Also chains the free list.
        var next: Int
    }

    private var slots: [Key: Int] = [:]
    private var nodes: ContiguousArray<Node> = []
    private var head = -1
    private var tail = -1
    private var freeHead = -1

    init() {}

    /// The number of entries.
    var count: Int { slots.count }

    /// The number of slots, occupied or free; slot indices are below it.
    var slotCount: Int { nodes.count }

    /// The slot holding `key`, if any. Does not change the order.
    @inline(__always)
    func slot(of key: Key) -> Int? { slots[key] }

    /// The value in an occupied `slot`.
    @inline(__always)
    func value(at slot: Int) -> Value { nodes[slot].value! }

    /// The key in an occupied `slot`.
    func key(at slot: Int) -> Key { nodes[slot].key! }

    /// Whether `slot` holds an entry (free slots do not).
    func isOccupied(_ slot: Int) -> Bool { nodes[slot].key != nil }

    /// The least recently used slot, if the table is not empty.
    var leastRecentSlot: Int? { tail < 0 ? nil : tail }

    /// Marks `slot` as the most recently used.
    @inline(__always)
    mutating func touch(_ slot: Int) {
        guard slot != head else { return }
        unlink(slot)
        linkAtHead(slot)
    }

    /// Replaces the value in an occupied `slot` and marks it most recently used.
    mutating func replace(at slot: Int, with value: Value) {
        nodes[slot].value = value
        touch(slot)
    }

    /// Inserts `value` for `key`, which must not be present, as the most recently used entry.
    @discardableResult
    mutating func insert(_ value: Value, for key: Key) -> Int {
        let slot: Int
        if freeHead >= 0 {
            slot = freeHead
            freeHead = nodes[slot].next
            nodes[slot] = Node(key: key, value: value, previous: -1, next: -1)
        } else {
            slot = nodes.count
            nodes.append(Node(key: key, value: value, previous: -1, next: -1))
        }
        slots[key] = slot
        linkAtHead(slot)
        return slot
    }

    /// Inserts `value` for `key` as the *least* recently used entry (for rebuilding an order).
    @discardableResult
    mutating func insertLeastRecent(_ value: Value, for key: Key) -> Int {
        let slot = insert(value, for: key)
        guard slot != tail else { return slot }
        unlink(slot)
        nodes[slot].previous = tail
        nodes[slot].next = -1
        nodes[tail].next = slot
        tail = slot
        return slot
    }

    /// Removes the entry in an occupied `slot` and returns it.
    @discardableResult
    mutating func remove(at slot: Int) -> (key: Key, value: Value) {
        unlink(slot)
        let key = nodes[slot].key!
        let value = nodes[slot].value!
        slots[key] = nil
        // Release the key and value now; the slot joins the free list.
        nodes[slot] = Node(key: nil, value: nil, previous: -1, next: freeHead)
        freeHead = slot
        return (key, value)
    }

    /// Removes every entry, keeping the storage for reuse.
    mutating func removeAll() {
        slots.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        head = -1
        tail = -1
        freeHead = -1
    }

    /// The occupied slots from least to most recently used.
    var slotsFromLeastRecent: [Int] {
        var result: [Int] = []
        result.reserveCapacity(count)
        var slot = tail
        while slot >= 0 {
            result.append(slot)
            slot = nodes[slot].previous
        }
        return result
    }

    private mutating func unlink(_ slot: Int) {
        let previous = nodes[slot].previous
        let next = nodes[slot].next
        if previous >= 0 { nodes[previous].next = next } else if head == slot { head = next }
        if next >= 0 { nodes[next].previous = previous } else if tail == slot { tail = previous }
        nodes[slot].previous = -1
        nodes[slot].next = -1
    }

    private mutating func linkAtHead(_ slot: Int) {
        nodes[slot].previous = -1
        nodes[slot].next = head
        if head >= 0 { nodes[head].previous = slot }
        head = slot
        if tail < 0 { tail = slot }
    }
}

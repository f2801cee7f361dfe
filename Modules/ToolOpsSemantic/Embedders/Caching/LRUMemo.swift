/// A map from texts to values that keeps the most recently used `capacity` entries.
///
/// Entries live in an array linked into a recency list by index, so lookups, insertions and
/// evictions are O(1) and an evicted entry's slot is reused.
struct LRUMemo<Value> {
    private struct Node {
        var key: String
        var value: Value
        var newer: Int?
        var older: Int?
    }

    /// The most entries kept.
    let capacity: Int
    private var nodes: [Node] = []
    private var slots: [String: Int] = [:]
    private var newest: Int?
    private var oldest: Int?

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// How many entries are kept now.
    var count: Int { slots.count }

    /// The value for `key`, which becomes the most recently used.
    mutating func value(for key: String) -> Value? {
        guard let slot = slots[key] else { return nil }
        moveToFront(slot)
        return nodes[slot].value
    }

    /// Stores `value` for `key` as the most recently used, evicting the least recently used
    /// entry when full.
    mutating func insert(_ value: Value, for key: String) {
        if let slot = slots[key] {
            nodes[slot].value = value
            return moveToFront(slot)
        }
        let slot: Int
        if slots.count < capacity {
            slot = nodes.count
            nodes.append(Node(key: key, value: value))
        } else {
            slot = oldest!
            unlink(slot)
            slots[nodes[slot].key] = nil
            nodes[slot] = Node(key: key, value: value)
        }
        slots[key] = slot
        linkAtFront(slot)
    }

    private mutating func moveToFront(_ slot: Int) {
        guard newest != slot else { return }
        unlink(slot)
        linkAtFront(slot)
    }

    private mutating func unlink(_ slot: Int) {
        let (newer, older) = (nodes[slot].newer, nodes[slot].older)
        if let newer { nodes[newer].older = older } else { newest = older }
        if let older { nodes[older].newer = newer } else { oldest = newer }
        nodes[slot].newer = nil
        nodes[slot].older = nil
    }

    private mutating func linkAtFront(_ slot: Int) {
        nodes[slot].older = newest
        if let newest { nodes[newest].newer = slot }
        newest = slot
        if oldest == nil { oldest = slot }
    }
}

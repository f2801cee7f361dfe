/// Which nodes a search has reached: one bit per node.
struct VisitedSet {
    private var words: [UInt64]

    init(nodeCount: Int) {
        words = Array(repeating: 0, count: (nodeCount + 63) / 64)
    }

    /// Marks `node`; true if it was not marked before.
    @inline(__always)
    mutating func insert(_ node: Int32) -> Bool {
        let index = Int(node) >> 6
        let bit = UInt64(1) << UInt64(node & 63)
        if words[index] & bit != 0 { return false }
        words[index] |= bit
        return true
    }
}

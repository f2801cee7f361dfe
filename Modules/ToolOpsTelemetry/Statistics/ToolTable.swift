import ToolOpsCore

/// The tools a ``ToolStatisticsObserver`` tracks: at most a fixed number, the least recently
/// seen dropped to make room.
struct ToolTable: Sendable {
    /// Where each tool's record is in ``records``.
    private(set) var slots: [ToolID: Int] = [:]
    /// The records, updated in place by the observer; never more than ``maxTools``.
    var records: [ToolRecord] = []
    /// Counts events; orders tools by how recently they were seen.
    private(set) var sequence: UInt64 = 0
    /// The record the previous event went to: the next event is often for the same tool, and
    /// comparing two `ToolID`s is cheaper than hashing one.
    private var lastIndex = 0
    /// The latest event timestamp seen, for any tool; `nil` before the first event.
    private(set) var latest: Timestamp?
    /// The most tools tracked.
    let maxTools: Int
    /// Buckets in each tool's window.
    let bucketCount: Int

    init(maxTools: Int, bucketCount: Int) {
        self.maxTools = maxTools
        self.bucketCount = bucketCount
    }

    /// The index of `tool`'s record, created — or taken over from the least recently seen tool
    /// when the table is full — if the tool is new. Marks the tool as just seen.
    @inline(__always)
    mutating func index(for tool: ToolID, at timestamp: Timestamp) -> Int {
        sequence &+= 1
        if latest == nil || timestamp > latest! { latest = timestamp }
        let index: Int
        if lastIndex < records.count, records[lastIndex].tool == tool {
            index = lastIndex
        } else if let found = slots[tool] {
            index = found
        } else {
            index = insert(tool, at: timestamp)
            lastIndex = index
            return index
        }
        lastIndex = index
        records[index].lastUse = sequence
        if timestamp > records[index].lastSeen { records[index].lastSeen = timestamp }
        if timestamp < records[index].firstSeen { records[index].firstSeen = timestamp }
        return index
    }

    /// The index of `tool`'s record, if it is tracked.
    func existingIndex(of tool: ToolID) -> Int? { slots[tool] }

    private mutating func insert(_ tool: ToolID, at timestamp: Timestamp) -> Int {
        if records.count < maxTools {
            records.append(ToolRecord(tool: tool, bucketCount: bucketCount, at: timestamp, sequence: sequence))
            slots[tool] = records.count - 1
            return records.count - 1
        }
        // Full: a linear scan for the least recently seen tool. It only runs when a new tool
        // arrives at a full table, so steady traffic over known tools never pays for it.
        var victim = 0
        for index in records.indices where records[index].lastUse < records[victim].lastUse { victim = index }
        slots.removeValue(forKey: records[victim].tool)
        records[victim].reuse(for: tool, at: timestamp, sequence: sequence)
        slots[tool] = victim
        return victim
    }
}

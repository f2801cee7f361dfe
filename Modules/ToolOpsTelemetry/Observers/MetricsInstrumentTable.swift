import ToolOpsCore

/// Every tool's cached metrics, as a ``ToolMetricsObserver`` keeps them under its lock.
///
/// One entry per tool key, never removed: the table grows with the tools declared, not with
/// traffic. The entry the previous event used is checked first: the events of one call arrive
/// together, and comparing two `ToolID`s is cheaper than hashing one.
struct MetricsInstrumentTable {
    private(set) var entries: [MetricsToolInstruments] = []
    private var slots: [ToolID: Int] = [:]
    private var lastIndex = 0

    /// The index of `key`'s entry in ``entries``, made with `dimensions` the first time.
    @inline(__always)
    mutating func index(of key: ToolID, dimensions: () -> [(String, String)]) -> Int {
        if lastIndex < entries.count, entries[lastIndex].key == key { return lastIndex }
        if let index = slots[key] {
            lastIndex = index
            return index
        }
        entries.append(MetricsToolInstruments(key: key, dimensions: dimensions()))
        lastIndex = entries.count - 1
        slots[key] = lastIndex
        return lastIndex
    }

    /// Runs `body` on `key`'s entry in place.
    @inline(__always)
    mutating func withEntry<Result>(
        _ key: ToolID, dimensions: () -> [(String, String)], _ body: (inout MetricsToolInstruments) -> Result
    ) -> Result {
        let index = index(of: key, dimensions: dimensions)
        return body(&entries[index])
    }
}

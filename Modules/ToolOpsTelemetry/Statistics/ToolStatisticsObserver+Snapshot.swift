import Synchronization
import ToolOpsCore

extension ToolStatisticsObserver {
    /// The statistics of every tracked tool, sorted by tool name and version.
    ///
    /// The window ends at `now`, or by default at the latest event timestamp seen for any tool.
    /// Pass your clock's time (`environment.clock.now()`) to see the window drain while no calls
    /// come in. Each tool is read under the lock on its own, so a snapshot never blocks observers
    /// for long; the tools are read one after another, not at one instant.
    ///
    /// ```swift
    /// for tool in statistics.snapshot(at: clock.now()) where tool.window.calls > 0 {
    ///     print(tool.tool, tool.window.errorRate ?? 0)
    /// }
    /// ```
    public func snapshot(at now: Timestamp? = nil) -> [ToolStatisticsSnapshot] {
        let (tools, latest) = table.withLock { table in (table.records.map(\.tool), table.latest) }
        guard let end = now ?? latest else { return [] }
        return
            tools
            .compactMap { snapshot(tool: $0, at: end) }
            .sorted { ($0.tool.name, $0.tool.version) < ($1.tool.name, $1.tool.version) }
    }

    /// The statistics of one tool, or `nil` when it is not tracked (never seen, or forgotten to
    /// make room for others).
    ///
    /// The window ends at `now`, or by default at the latest event timestamp seen for any tool.
    ///
    /// ```swift
    /// let search = statistics.snapshot(tool: ToolID(name: "web_search", version: "2"))
    /// ```
    public func snapshot(tool: ToolID, at now: Timestamp? = nil) -> ToolStatisticsSnapshot? {
        let width = bucketNanoseconds
        // Deep copies made under the lock: sharing the record's storage with the snapshot would
        // make the next event copy it on the hot path.
        let read = table.withLock { table -> Read? in
            guard let index = table.existingIndex(of: tool), let end = now ?? table.latest else { return nil }
            let record = table.records[index]
            var lifetime = StatisticsBucket()
            lifetime.merge(record.lifetime)
            let newest = end.nanosecondsSinceEpoch.floorDivided(by: width)
            return Read(
                record: ToolRecordHeader(record),
                windowStart: (newest &- Int64(record.window.count) &+ 1).multipliedReportingOverflow(by: width)
                    .partialValue,
                end: end,
                window: record.window.merged(endingAt: newest),
                lifetime: lifetime
            )
        }
        guard let read else { return nil }
        let cost = configuration.costPerCall[tool.name]
        return ToolStatisticsSnapshot(
            tool: read.record.tool,
            windowStart: Timestamp(nanosecondsSinceEpoch: read.windowStart),
            windowEnd: read.end,
            window: ToolStatistics(read.window, costPerCall: cost),
            lifetime: ToolStatistics(read.lifetime, costPerCall: cost),
            breakerState: read.record.breakerState,
            breakerChangedAt: read.record.breakerChangedAt,
            firstSeen: read.record.firstSeen,
            lastSeen: read.record.lastSeen
        )
    }
}

/// What a snapshot reads of a tool under the lock.
private struct Read {
    var record: ToolRecordHeader
    var windowStart: Int64
    var end: Timestamp
    var window: StatisticsBucket
    var lifetime: StatisticsBucket
}

/// The scalar fields of a ``ToolRecord``, copied without its storage.
private struct ToolRecordHeader {
    var tool: ToolID
    var breakerState: BreakerState?
    var breakerChangedAt: Timestamp?
    var firstSeen: Timestamp
    var lastSeen: Timestamp

    init(_ record: ToolRecord) {
        tool = record.tool
        breakerState = record.breakerState
        breakerChangedAt = record.breakerChangedAt
        firstSeen = record.firstSeen
        lastSeen = record.lastSeen
    }
}

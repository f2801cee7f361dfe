import ToolOpsCore

/// What ``ToolStatisticsObserver`` keeps about one tool.
struct ToolRecord: Sendable {
    /// The tool.
    var tool: ToolID
    /// Everything since the tool was first seen (or since its record was last reused).
    var lifetime = StatisticsBucket()
    /// The rolling window.
    var window: TimeBucketRing
    /// The state the last breaker transition went to, if any.
    var breakerState: BreakerState?
    /// When that transition happened.
    var breakerChangedAt: Timestamp?
    /// The earliest event timestamp seen.
    var firstSeen: Timestamp
    /// The latest event timestamp seen.
    var lastSeen: Timestamp
    /// The observer's event sequence number when the tool was last seen; the least recently seen
    /// tool has the smallest.
    var lastUse: UInt64

    init(tool: ToolID, bucketCount: Int, at timestamp: Timestamp, sequence: UInt64) {
        self.tool = tool
        window = TimeBucketRing(count: bucketCount)
        firstSeen = timestamp
        lastSeen = timestamp
        lastUse = sequence
    }

    /// Counts one event, in the lifetime and in window bucket `bucket`.
    @inline(__always)
    mutating func record(
        bucket: Int64,
        kindIndex: Int,
        codeSlot: Int,
        duration: Int64?,
        breakerState: BreakerState?,
        at timestamp: Timestamp
    ) {
        lifetime.record(kindIndex: kindIndex, codeSlot: codeSlot, duration: duration)
        window.record(bucket: bucket, kindIndex: kindIndex, codeSlot: codeSlot, duration: duration)
        if let breakerState {
            self.breakerState = breakerState
            breakerChangedAt = timestamp
        }
    }

    /// Makes this record start afresh for `tool`, keeping its storage.
    mutating func reuse(for tool: ToolID, at timestamp: Timestamp, sequence: UInt64) {
        self.tool = tool
        lifetime.reset()
        window.reset()
        breakerState = nil
        breakerChangedAt = nil
        firstSeen = timestamp
        lastSeen = timestamp
        lastUse = sequence
    }
}

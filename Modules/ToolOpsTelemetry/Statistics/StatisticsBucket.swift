/// Everything counted for one tool over one period: a window bucket, or the tool's lifetime.
struct StatisticsBucket: Sendable {
    /// Events by kind, rejections and failures by code.
    var counts = EventCounts()
    /// The durations of finished calls (`succeeded` and `failed`).
    var latency = LatencyHistogram()

    /// Counts one event; `duration` is the call's duration in nanoseconds when the event ends a call.
    @inline(__always)
    mutating func record(kindIndex: Int, codeSlot: Int, duration: Int64?) {
        counts.count(kindIndex: kindIndex, codeSlot: codeSlot)
        if let duration { latency.record(nanoseconds: duration) }
    }

    /// Forgets everything, keeping the storage for reuse.
    mutating func reset() {
        counts.reset()
        latency.reset()
    }

    /// Adds everything counted in `other`.
    mutating func merge(_ other: StatisticsBucket) {
        counts.merge(other.counts)
        latency.merge(other.latency)
    }
}

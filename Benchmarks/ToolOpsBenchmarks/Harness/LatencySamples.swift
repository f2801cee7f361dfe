/// Per-call latencies, kept in a preallocated buffer and summarised by sorting.
struct LatencySamples {
    private var nanoseconds: [UInt64]

    /// An empty set with room for `capacity` samples, so recording never allocates.
    init(capacity: Int) {
        nanoseconds = []
        nanoseconds.reserveCapacity(capacity)
    }

    /// Adds one sample.
    @inline(__always)
    mutating func record(_ sample: UInt64) {
        nanoseconds.append(sample)
    }

    /// How many samples were recorded.
    var count: Int { nanoseconds.count }

    /// Adds every sample of `other` (samples taken in rounds, summarised together).
    mutating func append(contentsOf other: LatencySamples) {
        nanoseconds.append(contentsOf: other.nanoseconds)
    }

    /// The percentiles of the samples, by the nearest-rank method.
    func summary() -> LatencySummary {
        let sorted = nanoseconds.sorted()
        guard !sorted.isEmpty else { return LatencySummary(count: 0, p50: 0, p90: 0, p99: 0, total: 0) }
        func rank(_ fraction: Double) -> UInt64 {
            let index = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
            return sorted[min(max(index, 0), sorted.count - 1)]
        }
        let total = sorted.reduce(0, &+)
        return LatencySummary(count: sorted.count, p50: rank(0.50), p90: rank(0.90), p99: rank(0.99), total: total)
    }
}

/// What a run of samples comes to.
struct LatencySummary {
    /// How many samples.
    var count: Int
    /// Median latency, in nanoseconds.
    var p50: UInt64
    /// 90th percentile latency, in nanoseconds (printed only by scenarios that ask for it).
    var p90: UInt64
    /// 99th percentile latency, in nanoseconds.
    var p99: UInt64
    /// Sum of the samples, in nanoseconds: the wall time of back-to-back timed calls.
    var total: UInt64

    /// Median in microseconds.
    var p50Microseconds: Double { Double(p50) / 1_000 }
    /// 90th percentile in microseconds.
    var p90Microseconds: Double { Double(p90) / 1_000 }
    /// 99th percentile in microseconds.
    var p99Microseconds: Double { Double(p99) / 1_000 }

    /// Calls per second implied by the samples taken back to back.
    var operationsPerSecond: Double {
        total == 0 ? 0 : Double(count) * 1e9 / Double(total)
    }
}

import ToolOpsCore

/// The distribution of one tool's call durations over a period: count, extremes, mean and
/// percentiles.
///
/// Durations are those of the `succeeded` and `failed` events, so a call answered from the cache
/// counts with its (short) duration too, and a call refused before it started counts as zero.
/// ``minimum``, ``maximum`` and ``mean`` are exact; the percentiles come from a log-linear
/// histogram and are within 1/64 (≈ 1.6 %) of the true value of their rank (nearest-rank
/// definition: p95 of 200 calls is the 190th shortest).
///
/// It encodes durations as whole nanoseconds (`p95Nanoseconds`, …), which reads well in JSON.
///
/// ```swift
/// if let latency = statistics.snapshot(tool: ToolID(name: "web_search"))?.window.latency {
///     print("p95 \(latency.p95), p99 \(latency.p99) over \(latency.count) calls")
/// }
/// ```
public struct LatencySummary: Sendable, Hashable {
    /// How many durations were counted.
    public var count: Int
    /// The shortest, exact.
    public var minimum: Duration
    /// The median.
    public var p50: Duration
    /// The 95th percentile.
    public var p95: Duration
    /// The 99th percentile.
    public var p99: Duration
    /// The longest, exact.
    public var maximum: Duration
    /// The arithmetic mean.
    public var mean: Duration

    /// A summary from its values.
    public init(
        count: Int,
        minimum: Duration,
        p50: Duration,
        p95: Duration,
        p99: Duration,
        maximum: Duration,
        mean: Duration
    ) {
        self.count = count
        self.minimum = minimum
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.maximum = maximum
        self.mean = mean
    }
}

extension LatencySummary {
    /// The summary of a histogram, or `nil` when it counted nothing.
    init?(_ histogram: LatencyHistogram) {
        let percentiles = histogram.quantiles([0.5, 0.95, 0.99])
        guard percentiles.count == 3 else { return nil }
        func duration(_ nanoseconds: UInt64) -> Duration { .nanoseconds(Int64(clamping: nanoseconds)) }
        self.init(
            count: Int(clamping: histogram.count),
            minimum: duration(histogram.minimum),
            p50: duration(percentiles[0]),
            p95: duration(percentiles[1]),
            p99: duration(percentiles[2]),
            maximum: duration(histogram.maximum),
            mean: duration(UInt64(min(histogram.sum / Double(histogram.count), 0x1p63).rounded()))
        )
    }
}

extension LatencySummary: Codable {
    private enum CodingKeys: String, CodingKey {
        case count, minimumNanoseconds, p50Nanoseconds, p95Nanoseconds, p99Nanoseconds, maximumNanoseconds
        case meanNanoseconds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func duration(_ key: CodingKeys) throws -> Duration {
            .nanoseconds(try container.decode(Int64.self, forKey: key))
        }
        self.init(
            count: try container.decode(Int.self, forKey: .count),
            minimum: try duration(.minimumNanoseconds),
            p50: try duration(.p50Nanoseconds),
            p95: try duration(.p95Nanoseconds),
            p99: try duration(.p99Nanoseconds),
            maximum: try duration(.maximumNanoseconds),
            mean: try duration(.meanNanoseconds)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(minimum.nanoseconds, forKey: .minimumNanoseconds)
        try container.encode(p50.nanoseconds, forKey: .p50Nanoseconds)
        try container.encode(p95.nanoseconds, forKey: .p95Nanoseconds)
        try container.encode(p99.nanoseconds, forKey: .p99Nanoseconds)
        try container.encode(maximum.nanoseconds, forKey: .maximumNanoseconds)
        try container.encode(mean.nanoseconds, forKey: .meanNanoseconds)
    }
}

import Foundation

/// Everything a demo run depends on, already validated.
struct DemoSettings: Sendable, Equatable {
    /// The seed of the workload, the upstreams' failures and latencies, and the retry jitter.
    var seed: UInt64 = 42
    /// How many agents call tools concurrently.
    var agents = 8
    /// How many tool calls the agents make in all.
    var calls = 600
    /// When the outage begins, in virtual time since the start.
    var outageStart: Duration = .seconds(20)
    /// How long the outage lasts.
    var outageLength: Duration = .seconds(15)
    /// The share of upstream calls that fail at random outside the outage.
    var failureRate = 0.08
    /// A folder to keep the file cache in; `nil` for a temporary folder removed at the end.
    var keptCacheDirectory: URL?

    /// The outage as a span of virtual time.
    var outage: Range<Duration> {
        outageStart..<(outageStart + outageLength)
    }
}

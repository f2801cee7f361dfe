import Foundation

/// Everything a demo run depends on: the seed, the size of the workload and how the upstreams fail.
///
/// Every property has the default `toolops demo` uses, so a caller sets only what it changes.
/// ``DemoRunner/run()`` checks the settings with ``validate()`` before it simulates anything.
///
/// ```swift
/// let settings = DemoSettings(seed: 7, agents: 4, calls: 120, outageLength: .zero)
/// let report = try await DemoRunner(settings: settings).run()
/// ```
public struct DemoSettings: Sendable, Equatable {
    /// The seed of the workload, the upstreams' failures and latencies, and the retry jitter.
    public var seed: UInt64
    /// How many agents call tools concurrently, from 1 to 1000.
    public var agents: Int
    /// How many tool calls the agents make in all, from 1 to 100 000.
    public var calls: Int
    /// When the outage begins, in virtual time since the start; at most a day.
    public var outageStart: Duration
    /// How long the outage lasts, at most a day; `.zero` for no outage.
    public var outageLength: Duration
    /// The share of upstream calls that fail at random outside the outage, from 0 to 0.9.
    public var failureRate: Double
    /// A folder to keep the file cache in; `nil` for a temporary folder removed at the end.
    ///
    /// A kept folder is emptied of the demo's entries when a run starts, so that the report
    /// does not depend on earlier runs.
    public var keptCacheDirectory: URL?

    /// Settings with the defaults of `toolops demo` for everything not given.
    public init(
        seed: UInt64 = 42,
        agents: Int = 8,
        calls: Int = 600,
        outageStart: Duration = .seconds(20),
        outageLength: Duration = .seconds(15),
        failureRate: Double = 0.08,
        keptCacheDirectory: URL? = nil
    ) {
        self.seed = seed
        self.agents = agents
        self.calls = calls
        self.outageStart = outageStart
        self.outageLength = outageLength
        self.failureRate = failureRate
        self.keptCacheDirectory = keptCacheDirectory
    }

    /// The kept cache folder's path without a trailing slash, if there is one.
    var keptCachePath: String? {
        guard let keptCacheDirectory else { return nil }
        var path = keptCacheDirectory.path(percentEncoded: false)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    /// The outage as a span of virtual time.
    var outage: Range<Duration> {
        outageStart..<(outageStart + outageLength)
    }
}

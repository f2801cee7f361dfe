/// One scenario's figures: what becomes one JSON line on stdout.
///
/// Only the fields a scenario measured are printed; `nil` fields are left out.
struct BenchmarkResult {
    /// The scenario's name, as given to `--scenario`.
    var scenario: String
    /// The goal on this machine, e.g. `"p50<=3us"`.
    var target: String
    /// Timed calls (or callers, or keys written).
    var iterations: Int
    /// Per-call latency percentiles.
    var latency: LatencySummary?
    /// Calls per second.
    var operationsPerSecond: Double?
    /// How many times the tool's body ran.
    var upstreamCalls: Int?
    /// Wall time of the timed part, in nanoseconds.
    var wallNanoseconds: UInt64?
    /// Resident set size after the scenario, in MiB.
    var residentMegabytes: Double?
    /// Cache entries held after the scenario.
    var entries: Int?
    /// Whether the figures meet ``target``.
    var targetMet: Bool?
    /// What a reader needs to interpret the figures.
    var note: String?
    /// Why the scenario did not run (a service it needs is not configured); printed second.
    var skipped: String?
    /// Whether to print `p90_us` between `p50_us` and `p99_us`.
    var reportsP90 = false
    /// Scenario-specific figures, printed after the standard ones in the order added.
    var extra = JSONLine()

    init(scenario: String, target: String, iterations: Int) {
        self.scenario = scenario
        self.target = target
        self.iterations = iterations
    }

    /// The result as one line of JSON, fields in a fixed order.
    var jsonLine: String {
        var line = JSONLine()
        line.add("scenario", scenario)
        if let skipped { line.add("skipped", skipped) }
        if let latency {
            line.add("p50_us", latency.p50Microseconds, decimals: 3)
            if reportsP90 { line.add("p90_us", latency.p90Microseconds, decimals: 3) }
            line.add("p99_us", latency.p99Microseconds, decimals: 3)
        }
        if let operationsPerSecond { line.add("ops_per_s", operationsPerSecond, decimals: 0) }
        if let upstreamCalls { line.add("upstream_calls", upstreamCalls) }
        if let wallNanoseconds { line.add("wall_ms", Double(wallNanoseconds) / 1e6, decimals: 3) }
        if let residentMegabytes { line.add("rss_mb", residentMegabytes, decimals: 1) }
        if let entries { line.add("entries", entries) }
        line.append(contentsOf: extra)
        line.add("iterations", iterations)
        line.add("target", target)
        if let targetMet { line.add("target_met", targetMet) }
        if let note { line.add("note", note) }
        return line.text
    }
}

/// What `toolops demo` prints: the setup, both runs, and what the comparison says.
///
/// A plain value: two runs with the same ``DemoSettings`` give equal reports. Show it with
/// ``text`` (aligned tables) or ``json()`` (one JSON object).
///
/// ```swift
/// let report = try await DemoRunner(settings: DemoSettings(seed: 7)).run()
/// print(report.toolops.upstreamCalls, "vs", report.withoutToolOps.upstreamCalls)
/// ```
public struct DemoReport: Codable, Sendable, Equatable {
    /// The settings the demo ran with, as the report shows them.
    public struct Setup: Codable, Sendable, Equatable {
        /// ``DemoSettings/seed``.
        public internal(set) var seed: UInt64
        /// ``DemoSettings/agents``.
        public internal(set) var agents: Int
        /// The calls the agents made in all: ``DemoSettings/calls``.
        public internal(set) var calls: Int
        /// ``DemoSettings/outageStart``, in seconds.
        public internal(set) var outageStartSeconds: Double
        /// ``DemoSettings/outageLength``, in seconds.
        public internal(set) var outageLengthSeconds: Double
        /// ``DemoSettings/failureRate``.
        public internal(set) var failureRate: Double
        /// Where the file cache lived: a kept folder, or `"temporary"`.
        public internal(set) var fileCache: String
    }

    /// The settings the demo ran with.
    public internal(set) var setup: Setup
    /// The run through ToolOps.
    public internal(set) var toolops: PhaseResult
    /// The same workload straight against the upstreams.
    public internal(set) var withoutToolOps: PhaseResult
    /// The comparison in a couple of sentences.
    public internal(set) var summary: [String]

    init(setup: Setup, toolops: PhaseResult, withoutToolOps: PhaseResult) {
        self.setup = setup
        self.toolops = toolops
        self.withoutToolOps = withoutToolOps
        summary = Self.summarize(toolops, withoutToolOps)
    }

    private static func summarize(_ with: PhaseResult, _ without: PhaseResult) -> [String] {
        var lines: [String] = []
        if without.upstreamCalls > 0 {
            let saved = Double(without.upstreamCalls - with.upstreamCalls) / Double(without.upstreamCalls)
            let percent = Int((abs(saved) * 100).rounded())
            var line =
                "ToolOps made \(percent)% \(saved >= 0 ? "fewer" : "more") upstream calls "
                + "(\(with.upstreamCalls) vs \(without.upstreamCalls))"
            if with.staleServed > 0 {
                line += " and served \(with.staleServed) stale values while upstreams were failing"
            }
            lines.append(line + ".")
        }
        lines.append(
            "Failed agent calls: \(with.failedCalls) with ToolOps vs \(without.failedCalls) without; "
                + "p95 latency \(formatLatency(with.latencyP95Ms)) vs \(formatLatency(without.latencyP95Ms))."
        )
        return lines
    }

    /// `840 ms`, or `1.32 s` from one second up.
    static func formatLatency(_ milliseconds: Double) -> String {
        if milliseconds < 1000 { return "\(Int(milliseconds.rounded())) ms" }
        return formatSeconds(milliseconds / 1000, decimals: 2)
    }

    /// Seconds with a fixed number of decimals: `48.3 s`.
    static func formatSeconds(_ seconds: Double, decimals: Int) -> String {
        formatNumber(seconds, decimals: decimals) + " s"
    }

    /// A share as a percentage, with one decimal only when it needs one: `8%`, `7.5%`.
    static func formatPercent(_ share: Double) -> String {
        let text = formatNumber(share * 100, decimals: 1)
        return (text.hasSuffix(".0") ? String(text.dropLast(2)) : text) + "%"
    }

    /// A number with a fixed number of decimals, independent of the locale.
    static func formatNumber(_ value: Double, decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(scaled) }
        let fraction = String(scaled % scale)
        return sign + "\(scaled / scale)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}

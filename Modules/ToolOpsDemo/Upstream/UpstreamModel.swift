import ToolOps

/// How the simulated upstreams behave: their latency, their random failures and the outage.
///
/// Every decision is a ``StableHash`` of the seed, the tool, the argument and the 100 ms bucket of
/// virtual time the call starts in. The same call at the same moment always gets the same answer,
/// in either run of the demo; a retry a few hundred milliseconds later gets a fresh draw.
struct UpstreamModel: Sendable {
    /// What one upstream call does.
    struct Behaviour: Sendable, Equatable {
        /// How long the upstream takes to answer.
        var latency: Duration
        /// The error it answers with, or `nil` for success.
        var failure: String?
    }

    /// The granularity of failure decisions.
    static let bucket: Duration = .milliseconds(100)

    /// The seed every decision derives from.
    var seed: UInt64
    /// When the outage happens, in virtual time since the start.
    var outage: Range<Duration>
    /// The share of calls that fail outside the outage.
    var failureRate: Double

    /// Whether `elapsed` falls in the outage window.
    func isOutage(at elapsed: Duration) -> Bool {
        outage.contains(elapsed)
    }

    /// What a call to `tool` with `argument` starting at `elapsed` does.
    func behaviour(of tool: DemoTool, argument: String, at elapsed: Duration) -> Behaviour {
        let bucket = String(elapsed.nanoseconds / Self.bucket.nanoseconds)
        func draw(_ purpose: String) -> Double {
            StableHash.unit(seed: seed, [tool.name, argument, bucket, purpose])
        }
        var latency = tool.latency.base + tool.latency.spread * (draw("latency") * draw("latency-skew"))
        if draw("slow") < tool.slowShare {
            latency = .milliseconds(2500) + .milliseconds(1500) * draw("slow-latency")
        }
        var failureRate = failureRate
        if isOutage(at: elapsed) {
            switch tool.outageEffect {
            case .none:
                break
            case .down:
                let latency = Duration.milliseconds(30) + .milliseconds(50) * draw("latency")
                return Behaviour(latency: latency, failure: "503 Service Unavailable (outage)")
            case .degraded(let rate):
                latency *= 2
                failureRate = max(failureRate, rate)
            }
        }
        guard draw("failure") < failureRate else { return Behaviour(latency: latency, failure: nil) }
        let message = draw("message") < 0.5 ? "502 Bad Gateway" : "connection reset by peer"
        return Behaviour(latency: latency, failure: message)
    }

    /// A value in `0..<1` standing for the upstream's data about `argument`, stable within `epoch`.
    func datum(_ tool: DemoTool, _ argument: String, epoch: Int = 0) -> Double {
        StableHash.unit(seed: seed, [tool.name, argument, "datum", String(epoch)])
    }
}

import ToolOps

/// The numbers of one run of the workload, with ToolOps or without.
struct PhaseResult: Codable, Sendable, Equatable {
    /// The numbers of one tool.
    struct ToolNumbers: Codable, Sendable, Equatable {
        var tool: String
        var agentCalls: Int
        var upstreamCalls: Int
        var failedCalls: Int
    }

    /// Calls the agents made.
    var agentCalls: Int
    /// Calls that reached an upstream (every attempt counts).
    var upstreamCalls: Int
    /// Calls answered by a fresh cached value.
    var cacheHits = 0
    /// Calls that joined an identical call in flight.
    var coalesced = 0
    /// Expired values served because the upstream failed or the circuit was open.
    var staleServed = 0
    /// Attempts repeated after a failure.
    var retries = 0
    /// Attempts cut short by their timeout.
    var timeouts = 0
    /// Times a circuit breaker opened.
    var circuitOpens = 0
    /// Attempts refused by an open circuit.
    var rejectedByCircuit = 0
    /// Agent calls that ended in an error.
    var failedCalls: Int
    /// Median latency of agent calls, in virtual milliseconds.
    var latencyP50Ms: Double
    /// 95th percentile latency of agent calls, in virtual milliseconds.
    var latencyP95Ms: Double
    /// Virtual time until the last agent finished, in seconds.
    var virtualSeconds: Double
    /// The same by tool, in ``DemoTool`` order.
    var tools: [ToolNumbers]

    /// The result of a run from what the agents saw and what the upstreams counted.
    init(outcomes: [CallRecorder.Outcome], upstreamCalls: [DemoTool: Int], elapsed: Duration) {
        agentCalls = outcomes.count
        self.upstreamCalls = upstreamCalls.values.reduce(0, +)
        failedCalls = outcomes.filter { !$0.succeeded }.count
        let latencies = outcomes.map { Double($0.latency.nanoseconds) / 1e6 }.sorted()
        latencyP50Ms = Self.percentile(0.50, of: latencies)
        latencyP95Ms = Self.percentile(0.95, of: latencies)
        virtualSeconds = (elapsed.seconds * 1000).rounded() / 1000
        tools = DemoTool.allCases.map { tool in
            let mine = outcomes.filter { $0.tool == tool }
            return ToolNumbers(
                tool: tool.name,
                agentCalls: mine.count,
                upstreamCalls: upstreamCalls[tool] ?? 0,
                failedCalls: mine.filter { !$0.succeeded }.count
            )
        }
    }

    /// Takes what the ToolOps observer counted; upstream calls become its `upstreamCalled` events,
    /// which match what the upstreams counted themselves.
    mutating func add(_ tally: EventTally) {
        upstreamCalls = tally.count(.upstreamCalls)
        for index in tools.indices {
            tools[index].upstreamCalls = tally.count(.upstreamCalls, tool: tools[index].tool)
        }
        cacheHits = tally.count(.cacheHits)
        coalesced = tally.count(.coalesced)
        staleServed = tally.count(.staleServed)
        retries = tally.count(.retries)
        timeouts = tally.count(.timeouts)
        circuitOpens = tally.count(.circuitOpens)
        rejectedByCircuit = tally.count(.rejected)
    }

    /// The nearest-rank percentile `p` of sorted `values`, rounded to 0.1; 0 when empty.
    static func percentile(_ p: Double, of values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let rank = Int((p * Double(values.count)).rounded(.up))
        let value = values[min(max(rank, 1), values.count) - 1]
        return (value * 10).rounded() / 10
    }
}

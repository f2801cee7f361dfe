import ToolOps

/// The numbers of one run of the workload, with ToolOps or without.
///
/// Without ToolOps, every agent call is one upstream call. With ToolOps, every agent call is
/// answered by a fresh cached value (``cacheHits``), joins an identical call in flight
/// (``coalesced``), or leads a flight of its own; a flight makes one attempt plus its
/// ``retries``, and every attempt either reaches the upstream (``upstreamCalls``) or is refused
/// by an open circuit (``rejectedByCircuit``). So in both runs:
///
/// ```
/// agentCalls == cacheHits + coalesced + upstreamCalls + rejectedByCircuit - retries
/// ```
public struct PhaseResult: Codable, Sendable, Equatable {
    /// The numbers of one tool.
    public struct ToolNumbers: Codable, Sendable, Equatable {
        /// The tool's name, such as `get_weather`.
        public internal(set) var tool: String
        /// Calls the agents made to the tool.
        public internal(set) var agentCalls: Int
        /// Calls that reached the tool's upstream (every attempt counts).
        public internal(set) var upstreamCalls: Int
        /// Agent calls to the tool that ended in an error.
        public internal(set) var failedCalls: Int
    }

    /// Calls the agents made.
    public internal(set) var agentCalls: Int
    /// Calls that reached an upstream (every attempt counts).
    public internal(set) var upstreamCalls: Int
    /// Calls answered by a fresh cached value.
    public internal(set) var cacheHits = 0
    /// Calls that joined an identical call in flight.
    public internal(set) var coalesced = 0
    /// Expired values served because the upstream failed or the circuit was open.
    public internal(set) var staleServed = 0
    /// Attempts repeated after a failure.
    public internal(set) var retries = 0
    /// Attempts cut short by their timeout.
    public internal(set) var timeouts = 0
    /// Times a circuit breaker opened.
    public internal(set) var circuitOpens = 0
    /// Attempts refused by an open circuit.
    public internal(set) var rejectedByCircuit = 0
    /// Agent calls that ended in an error.
    public internal(set) var failedCalls: Int
    /// Median latency of agent calls, in virtual milliseconds.
    public internal(set) var latencyP50Ms: Double
    /// 95th percentile latency of agent calls, in virtual milliseconds.
    public internal(set) var latencyP95Ms: Double
    /// Virtual time until the last agent finished, in seconds.
    public internal(set) var virtualSeconds: Double
    /// The same by tool: `get_weather`, `search_docs`, `get_stock_price`, `create_ticket`.
    public internal(set) var tools: [ToolNumbers]

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

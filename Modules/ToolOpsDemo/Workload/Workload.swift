import Foundation
import ToolOps
import ToolOpsTesting

/// One call an agent will make: which tool, with what argument, after how long thinking.
struct PlannedCall: Sendable, Equatable {
    var tool: DemoTool
    var argument: String
    /// How long the agent thinks before the call.
    var think: Duration
    /// For the first call of a round: not before this much virtual time since the start.
    var notBefore: Duration?
}

/// What every agent will do, decided up front from the seed so both runs replay the same calls.
///
/// The agents work as a team on a stream of user requests: every ``roundLength`` an orchestrator
/// hands the same request to all of them, and each starts with the same lookup (the thundering
/// herd that coalescing answers with one upstream call), then makes ``callsPerRound`` − 1 more
/// calls of its own. Half of those are about the request at hand; the rest pick tools 40/25/25/10
/// (weather, docs, stock, ticket) and arguments from a Zipf-like distribution over each tool's
/// catalogue, so a few cities, queries and symbols are very popular. Think times are exponential
/// around 450 ms.
struct Workload: Sendable {
    /// The plan of each agent, by agent index.
    let plans: [[PlannedCall]]

    /// Every call in every plan.
    var totalCalls: Int { plans.reduce(0) { $0 + $1.count } }

    /// How often a new request arrives.
    static let roundLength: Duration = .seconds(5)
    /// How many calls an agent makes per request.
    static let callsPerRound = 6
    /// The share of an agent's own calls that are about the request at hand.
    static let sharedShare = 0.5
    static let toolMix: [(DemoTool, Double)] = [(.weather, 0.40), (.search, 0.25), (.stock, 0.25), (.ticket, 0.10)]

    /// The plans of `agents` agents sharing `calls` calls as evenly as possible.
    init(seed: UInt64, agents: Int, calls: Int) {
        let perAgent = calls / agents + (calls % agents == 0 ? 0 : 1)
        let requests = (0...(perAgent / Self.callsPerRound)).map { Request(seed: seed, round: $0) }
        plans = (0..<agents).map { agent in
            let random = SeededRandom(seed: StableHash.value(seed: seed, ["agent", String(agent)]))
            let count = calls / agents + (agent < calls % agents ? 1 : 0)
            return (0..<count).map { index in
                let request = requests[index / Self.callsPerRound]
                guard index % Self.callsPerRound != 0 else {
                    // Every agent starts the round within 50 ms of the others, with the same lookup.
                    let start = Self.roundLength * (index / Self.callsPerRound) + .milliseconds(50) * random.nextUnit()
                    let tool = request.lead
                    return PlannedCall(
                        tool: tool, argument: request.argument(for: tool), think: .milliseconds(10), notBefore: start)
                }
                let tool = Self.pickTool(random.nextUnit())
                let argument: String
                if tool == .ticket {
                    argument = "Follow up #\(1000 + Int(random.nextUInt64() % 9000)) for agent \(agent)"
                } else if random.nextUnit() < Self.sharedShare {
                    argument = request.argument(for: tool)
                } else {
                    argument = Catalogue.pick(for: tool, random)
                }
                let think = Duration.seconds(min(max(-log(1 - random.nextUnit()) * 0.45, 0.04), 3.0))
                return PlannedCall(tool: tool, argument: argument, think: think)
            }
        }
    }

    private static func pickTool(_ unit: Double) -> DemoTool {
        var total = 0.0
        for (tool, share) in toolMix {
            total += share
            if unit < total { return tool }
        }
        return toolMix[toolMix.count - 1].0
    }
}

/// One user request the whole team works on: a city, a docs query and a stock symbol.
private struct Request {
    var city: String
    var query: String
    var symbol: String
    /// The tool every agent calls first: weather half the time, stock or docs otherwise.
    var lead: DemoTool

    init(seed: UInt64, round: Int) {
        let random = SeededRandom(seed: StableHash.value(seed: seed, ["request", String(round)]))
        city = Catalogue.pick(for: .weather, random)
        query = Catalogue.pick(for: .search, random)
        symbol = Catalogue.pick(for: .stock, random)
        let unit = random.nextUnit()
        lead = unit < 0.5 ? .weather : unit < 0.8 ? .stock : .search
    }

    func argument(for tool: DemoTool) -> String {
        switch tool {
        case .weather: city
        case .search: query
        case .stock, .ticket: symbol
        }
    }
}

import Foundation
import ToolOpsTesting

/// One call an agent will make: which tool, with what argument, after how long thinking.
struct PlannedCall: Sendable, Equatable {
    var tool: DemoTool
    var argument: String
    var think: Duration
}

/// What every agent will do, decided up front from the seed so both runs replay the same calls.
///
/// Tools are picked 40/25/25/10 (weather, docs, stock, ticket); arguments follow a Zipf-like
/// distribution over each tool's catalogue, so a few cities, queries and symbols are very popular.
/// Think times are exponential around 450 ms; agents start staggered within the first second.
struct Workload: Sendable {
    /// The plan of each agent, by agent index.
    let plans: [[PlannedCall]]

    /// Every call in every plan.
    var totalCalls: Int { plans.reduce(0) { $0 + $1.count } }

    static let toolMix: [(DemoTool, Double)] = [(.weather, 0.40), (.search, 0.25), (.stock, 0.25), (.ticket, 0.10)]
    static let cities = [
        "Paris", "London", "Tokyo", "New York", "Berlin", "Madrid", "Rome", "Sydney", "Toronto", "Seoul",
        "Lisbon", "Vienna", "Prague", "Oslo", "Dublin", "Zurich", "Athens", "Cairo", "Lima", "Quito",
    ]
    static let queries = [
        "reset password", "rate limits", "webhooks", "pagination", "oauth scopes", "error codes",
        "billing cycle", "api keys", "sdk install", "retry policy", "data export", "sso setup",
        "audit log", "sandbox", "refunds", "invoices", "team roles", "usage alerts", "timeouts", "regions",
        "changelog", "status page", "gdpr", "two factor", "custom domains", "ip allowlist", "batch api",
        "streaming", "file upload", "deprecations",
    ]
    static let symbols = ["AAPL", "MSFT", "NVDA", "AMZN", "GOOG", "META", "TSLA", "ORCL", "IBM", "SAP", "ADBE", "CRM"]

    /// The plans of `agents` agents sharing `calls` calls as evenly as possible.
    init(seed: UInt64, agents: Int, calls: Int) {
        let cityPicker = ZipfSampler(count: Self.cities.count)
        let queryPicker = ZipfSampler(count: Self.queries.count)
        let symbolPicker = ZipfSampler(count: Self.symbols.count)
        plans = (0..<agents).map { agent in
            let random = SeededRandom(seed: StableHash.value(seed: seed, ["agent", String(agent)]))
            let count = calls / agents + (agent < calls % agents ? 1 : 0)
            return (0..<count).map { index in
                let tool = Self.pickTool(random.nextUnit())
                let argument: String
                switch tool {
                case .weather: argument = Self.cities[cityPicker.sample(random.nextUnit())]
                case .search: argument = Self.queries[queryPicker.sample(random.nextUnit())]
                case .stock: argument = Self.symbols[symbolPicker.sample(random.nextUnit())]
                case .ticket: argument = "Follow up #\(1000 + Int(random.nextUInt64() % 9000)) for agent \(agent)"
                }
                let think: Duration
                if index == 0 {
                    think = .milliseconds(1000) * random.nextUnit()
                } else {
                    let exponential = -log(1 - random.nextUnit()) * 0.45
                    think = .seconds(min(max(exponential, 0.04), 3.0))
                }
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

/// Picks index `k` of `count` with probability proportional to 1 / (k + 1)^1.1.
struct ZipfSampler: Sendable {
    private let cumulative: [Double]

    init(count: Int, exponent: Double = 1.1) {
        var running = 0.0
        var cumulative: [Double] = []
        for rank in 1...max(1, count) {
            running += 1 / pow(Double(rank), exponent)
            cumulative.append(running)
        }
        self.cumulative = cumulative.map { $0 / running }
    }

    /// The index for a uniform `unit` in `0..<1`.
    func sample(_ unit: Double) -> Int {
        cumulative.firstIndex { unit < $0 } ?? cumulative.count - 1
    }
}

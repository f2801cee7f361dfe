import Foundation
import ToolOpsTesting

/// The arguments agents call the read-only tools with; earlier entries are more popular.
enum Catalogue {
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

    private static let samplers = (
        cities: ZipfSampler(count: cities.count),
        queries: ZipfSampler(count: queries.count),
        symbols: ZipfSampler(count: symbols.count)
    )

    /// A Zipf-distributed argument for `tool`; tickets have no catalogue and get a symbol.
    static func pick(for tool: DemoTool, _ random: SeededRandom) -> String {
        switch tool {
        case .weather: cities[samplers.cities.sample(random.nextUnit())]
        case .search: queries[samplers.queries.sample(random.nextUnit())]
        case .stock, .ticket: symbols[samplers.symbols.sample(random.nextUnit())]
        }
    }
}

/// Picks index `k` of `count` with probability proportional to 1 / (k + 1)^`exponent`.
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

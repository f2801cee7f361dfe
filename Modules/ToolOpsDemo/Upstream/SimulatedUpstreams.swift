import Synchronization
import ToolOps

/// The simulated upstream services: async functions that take virtual time and sometimes fail.
///
/// Each call sleeps on the ``SimulationClock`` for its latency (tagged ``SleepKind/upstream``),
/// then answers or throws a retryable `ToolError.upstream`, as ``UpstreamModel`` decides. The
/// upstreams count their calls — the ground truth for "upstream calls" in both runs.
final class SimulatedUpstreams: Sendable {
    let model: UpstreamModel
    let clock: SimulationClock
    private let counts = Mutex<[DemoTool: Int]>([:])

    init(model: UpstreamModel, clock: SimulationClock) {
        self.model = model
        self.clock = clock
    }

    /// How many times each upstream was called.
    var calls: [DemoTool: Int] {
        counts.withLock { $0 }
    }

    /// `get_weather(city)`.
    func weather(_ query: CityQuery) async throws -> WeatherReport {
        try await answer(.weather, query.city)
        let datum = model.datum(.weather, query.city)
        let conditions = ["sunny", "cloudy", "rain", "windy", "snow"]
        return WeatherReport(
            city: query.city,
            temperatureC: Int(datum * 35) - 5,
            conditions: conditions[Int(datum * 1000) % conditions.count]
        )
    }

    /// `search_docs(query)`.
    func searchDocs(_ query: DocsQuery) async throws -> DocsResult {
        try await answer(.search, query.query)
        let count = 1 + Int(model.datum(.search, query.query) * 4)
        return DocsResult(
            query: query.query, hits: (1...count).map { "docs/\(query.query.replacing(" ", with: "-"))-\($0).md" })
    }

    /// `get_stock_price(symbol)`; the price moves every virtual second.
    func stockPrice(_ query: SymbolQuery) async throws -> StockQuote {
        try await answer(.stock, query.symbol)
        let second = Int(clock.elapsed.seconds)
        let base = 20 + model.datum(.stock, query.symbol) * 480
        let move = (model.datum(.stock, query.symbol, epoch: second) - 0.5) * 0.02
        return StockQuote(symbol: query.symbol, price: ((base * (1 + move)) * 100).rounded() / 100)
    }

    /// `create_ticket(title)`.
    func createTicket(_ request: TicketRequest) async throws -> TicketReceipt {
        try await answer(.ticket, request.title)
        let number = StableHash.value(seed: model.seed, [request.title, String(clock.elapsed.nanoseconds)]) % 90_000
        return TicketReceipt(id: "TCK-\(10_000 + number)")
    }

    /// Counts the call, waits out its latency, then fails if the model says so.
    private func answer(_ tool: DemoTool, _ argument: String) async throws {
        counts.withLock { $0[tool, default: 0] += 1 }
        let behaviour = model.behaviour(of: tool, argument: argument, at: clock.elapsed)
        try await SimulationContext.$sleepKind.withValue(.upstream) {
            try await clock.sleep(for: behaviour.latency)
        }
        if let failure = behaviour.failure {
            throw ToolError.upstream("\(tool.name) answered \(failure)", retryable: true)
        }
    }
}

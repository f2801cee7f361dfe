import ToolOps

/// Every agent call goes through a ToolOps tool wrapping the same simulated upstream.
///
/// Built on a ``ToolRuntime`` of its own whose environment carries the simulation clock, a
/// seeded random source (retry jitter) and the demo's observers; `get_weather` and
/// `get_stock_price` cache in memory, `search_docs` in a ``FileCache``.
struct ToolOpsBackend: DemoBackend {
    let weather: Tool<CityQuery, WeatherReport>
    let search: Tool<DocsQuery, DocsResult>
    let stock: Tool<SymbolQuery, StockQuote>
    let ticket: Tool<TicketRequest, TicketReceipt>

    /// Backoff between attempts: 200 ms doubling, equal jitter so a retry never lands in the same
    /// 100 ms failure bucket as the attempt before it.
    static let retryPolicy = RetryPolicy(initialDelay: .milliseconds(200), maxDelay: .seconds(2), jitter: .equal)

    /// `get_weather`: memory cache, 10 s TTL, stale-if-error for 10 minutes; 2 s per attempt, so
    /// the slow tail times out and is retried.
    static let weatherOptions = ReadOnlyOptions(
        cache: "memory", ttl: .seconds(10), staleIfError: true, staleTTL: .seconds(600), retries: 2,
        retryPolicy: retryPolicy, timeout: .seconds(2), circuitRecovery: .seconds(5))

    /// `search_docs`: file cache, 120 s TTL.
    static let searchOptions = ReadOnlyOptions(
        cache: "file", ttl: .seconds(120), retries: 2, retryPolicy: retryPolicy,
        timeout: .seconds(3), circuitRecovery: .seconds(5))

    /// `get_stock_price`: 3 s TTL, so entries expire before and during the outage; stale-if-error
    /// serves them for 5 minutes more while the upstream is down.
    static let stockOptions = ReadOnlyOptions(
        cache: "memory", ttl: .seconds(3), staleIfError: true, staleTTL: .seconds(300), retries: 2,
        retryPolicy: retryPolicy, timeout: .seconds(1), circuitRecovery: .seconds(5))

    /// The options of `create_ticket`: a timeout and a breaker; no retries, since it is not idempotent.
    static let ticketOptions = SideEffectOptions(timeout: .seconds(5), circuitRecovery: .seconds(5))

    init(runtime: ToolRuntime, upstreams: SimulatedUpstreams) throws {
        weather = try runtime.readonly(
            DemoTool.weather.name, description: "Current weather for a city", options: Self.weatherOptions
        ) { try await upstreams.weather($0) }
        search = try runtime.readonly(
            DemoTool.search.name, description: "Searches the product documentation", options: Self.searchOptions
        ) { try await upstreams.searchDocs($0) }
        stock = try runtime.readonly(
            DemoTool.stock.name, description: "Latest price of a stock", options: Self.stockOptions
        ) { try await upstreams.stockPrice($0) }
        ticket = try runtime.sideeffect(
            DemoTool.ticket.name, description: "Opens a support ticket", options: Self.ticketOptions
        ) { try await upstreams.createTicket($0) }
    }

    func perform(_ call: PlannedCall) async -> Bool {
        do {
            switch call.tool {
            case .weather: _ = try await weather(CityQuery(city: call.argument))
            case .search: _ = try await search(DocsQuery(query: call.argument))
            case .stock: _ = try await stock(SymbolQuery(symbol: call.argument))
            case .ticket: _ = try await ticket(TicketRequest(title: call.argument))
            }
            return true
        } catch {
            return false
        }
    }
}

/// The four simulated tools the demo's agents use.
enum DemoTool: String, CaseIterable, Sendable, Codable {
    /// Read-only, memory cache; popular cities make caching and coalescing matter. Degraded during the outage.
    case weather = "get_weather"
    /// Read-only, file cache with a long TTL.
    case search = "search_docs"
    /// Read-only, short TTL, stale-if-error; down during the outage.
    case stock = "get_stock_price"
    /// Side effect, not idempotent: never cached, coalesced or retried.
    case ticket = "create_ticket"

    /// The name agents see.
    var name: String { rawValue }

    /// The upstream's usual latency: `base` plus up to `spread`, skewed towards the fast end.
    var latency: (base: Duration, spread: Duration) {
        switch self {
        case .weather: (.milliseconds(60), .milliseconds(200))
        case .search: (.milliseconds(200), .milliseconds(700))
        case .stock: (.milliseconds(40), .milliseconds(120))
        case .ticket: (.milliseconds(150), .milliseconds(300))
        }
    }

    /// The share of calls that hang for seconds (a slow upstream), answered in 2.5–4 s.
    var slowShare: Double {
        switch self {
        case .weather, .search: 0.06
        case .stock, .ticket: 0
        }
    }

    /// How the tool behaves during the outage window.
    var outageEffect: OutageEffect {
        switch self {
        case .stock: .down
        case .weather: .degraded(failureRate: 0.5)
        case .search, .ticket: .none
        }
    }
}

/// What the outage window does to a tool.
enum OutageEffect: Sendable, Equatable {
    /// Unaffected.
    case none
    /// Slower (twice the latency) and failing at least this often.
    case degraded(failureRate: Double)
    /// Every call fails fast.
    case down
}

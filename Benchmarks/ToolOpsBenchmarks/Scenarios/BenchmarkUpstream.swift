import ToolOps
import ToolOpsTesting

/// The input every benchmarked tool takes: small, like a typical tool call.
struct WeatherQuery: Codable, Sendable {
    var city: String
    var day: Int
}

/// The output every benchmarked tool returns: a small struct.
struct Forecast: Codable, Sendable {
    var city: String
    var day: Int
    var celsius: Double
    var summary: String
}

/// The upstream the tools wrap, and a count of how often it was reached.
enum BenchmarkUpstream {
    /// Answers at once. Not inlined, so `bare_call` measures a real async call.
    @inline(never)
    static func forecast(for query: WeatherQuery) async -> Forecast {
        Forecast(city: query.city, day: query.day, celsius: 21.5, summary: "sunny")
    }

    /// The failure an unhealthy upstream throws.
    struct Unavailable: Error, CustomStringConvertible {
        var description: String { "upstream unavailable (benchmark)" }
    }
}

extension ToolRuntime {
    /// The runtime the scenarios measure: system clock, the standard stores (unless given), and
    /// the observer given, normally a `CountingObserver` so event delivery is part of every call.
    static func benchmark(observer: any ToolObserver, stores: CacheStoreRegistry? = nil) -> ToolRuntime {
        ToolRuntime(environment: ToolEnvironment(observer: observer), stores: stores)
    }
}

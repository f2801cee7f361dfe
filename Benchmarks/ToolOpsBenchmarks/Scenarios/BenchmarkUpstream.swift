import Synchronization
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

/// Counts body invocations with an atomic, so concurrent callers are counted exactly.
final class CallCounter: Sendable {
    private let value = Atomic<Int>(0)

    func increment() {
        value.add(1, ordering: .relaxed)
    }

    var count: Int { value.load(ordering: .relaxed) }
}

extension ToolRuntime {
    /// A runtime as the brief prescribes: system clock, default stores, a counting observer.
    static func benchmark(observer: CountingObserver, stores: CacheStoreRegistry? = nil) -> ToolRuntime {
        ToolRuntime(environment: ToolEnvironment(observer: observer), stores: stores)
    }
}

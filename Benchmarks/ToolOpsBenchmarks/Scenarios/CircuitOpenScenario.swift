import ToolOps
import ToolOpsTesting

/// Calls refused by an open circuit: how cheaply a dead upstream is failed fast.
///
/// The breaker trips on one failure (no retries, an hour of recovery), then every timed call is
/// refused. The main figure has the cache disabled, so nothing but the breaker's stages run; the
/// `_cached` variant keeps the default memory cache and makes every key unique, so each call
/// also pays for its key, a cache miss and coalescing before it reaches the breaker.
enum CircuitOpenScenario {
    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        let iterations = workload.iterations(full: 100_000, quick: 20_000)
        return [
            try await measure(name: "circuit_open_reject", cache: .disabled, iterations: iterations),
            try await measure(name: "circuit_open_reject_cached", cache: .default, iterations: iterations),
        ]
    }

    private static func measure(name: String, cache: CacheBackend, iterations: Int) async throws -> BenchmarkResult {
        let observer = CountingObserver()
        let runtime = ToolRuntime.benchmark(observer: observer)
        let upstream = Counter()
        let options = ReadOnlyOptions(cache: cache, retries: 0, circuitThreshold: 1, circuitRecovery: .seconds(3_600))
        let tool = try runtime.readonly("bench_\(name)", options: options) {
            (_: WeatherQuery) async throws -> Forecast in
            upstream.increment()
            throw BenchmarkUpstream.Unavailable()
        }
        // Trip the breaker with one failing call.
        _ = try? await tool(WeatherQuery(city: "Paris", day: -1))
        guard runtime.breakers.existingBreaker(for: tool.id)?.state == .open else {
            throw ScenarioFailure("\(name): the breaker did not open after one failure")
        }

        var rejected = 0
        var other = 0
        let latency = await Harness.latency(warmup: iterations / 10, iterations: iterations) { index in
            do {
                _ = try await tool(WeatherQuery(city: "Paris", day: index))
                other += 1
            } catch let error as ToolError where error.code == .circuitOpen {
                rejected += 1
            } catch {
                other += 1
            }
        }
        let cacheNote = cache == .disabled ? "cache disabled" : "default memory cache, unique keys"
        var result = BenchmarkResult(scenario: name, target: "p50<=2us", iterations: iterations)
        result.latency = latency
        result.operationsPerSecond = latency.operationsPerSecond
        result.upstreamCalls = upstream.value
        result.targetMet = latency.p50 <= 2_000 && other == 0 && upstream.value == 1
        result.note = "\(cacheNote); rejected \(rejected), other outcomes \(other)"
        return result
    }
}

/// A scenario that could not set up what it measures; reported on stderr, the run goes on.
struct ScenarioFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

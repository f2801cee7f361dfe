import ToolOps
import ToolOpsTesting

/// Many concurrent callers on one cold key while the body sleeps: one upstream call for all.
enum CoalesceScenario {
    static let bodyDuration = Duration.milliseconds(50)

    static func run(callers: Int, _ workload: Workload) async throws -> BenchmarkResult {
        let observer = CountingObserver()
        let runtime = ToolRuntime.benchmark(observer: observer)
        let upstream = Counter()
        let tool = try runtime.readonly("bench_coalesce_\(callers)") { (query: WeatherQuery) in
            upstream.increment()
            try await Task.sleep(for: bodyDuration)
            return await BenchmarkUpstream.forecast(for: query)
        }
        let query = WeatherQuery(city: "Paris", day: callers)

        let start = MonotonicClock.now()
        let answered = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<callers {
                group.addTask { try await tool(query).day == query.day ? 1 : 0 }
            }
            return try await group.reduce(0, +)
        }
        let elapsed = MonotonicClock.elapsed(since: start)

        let wallTarget = callers == 10_000 ? ",wall_ms<=150" : ""
        var result = BenchmarkResult(
            scenario: "coalesce_\(callers)",
            target: "upstream_calls==1" + wallTarget,
            iterations: callers
        )
        result.upstreamCalls = upstream.value
        result.wallNanoseconds = elapsed
        result.targetMet = upstream.value == 1 && answered == callers && (callers != 10_000 || elapsed <= 150_000_000)
        result.note =
            "body sleeps 50 ms; followers coalesced \(observer.count("coalesced")), "
            + "cache hits \(observer.count("cache_hit")), answered \(answered)"
        return result
    }
}

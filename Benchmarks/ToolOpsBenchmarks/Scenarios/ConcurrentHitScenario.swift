import ToolOps
import ToolOpsTesting

/// Many tasks hammering fresh hits on a few warm keys: throughput under contention.
enum ConcurrentHitScenario {
    static let tasks = 100
    static let keys = 16

    static func run(_ workload: Workload) async throws -> BenchmarkResult {
        let perTask = workload.iterations(full: 10_000, quick: 2_000)
        let observer = CountingObserver()
        let runtime = ToolRuntime.benchmark(observer: observer)
        let upstream = Counter()
        let tool = try runtime.readonly("bench_memory_hit_concurrent") { (query: WeatherQuery) in
            upstream.increment()
            return await BenchmarkUpstream.forecast(for: query)
        }
        let queries = (0..<keys).map { WeatherQuery(city: "Paris", day: $0) }
        for query in queries { _ = try await tool(query) }

        _ = try await hammer(tool, queries: queries, callsPerTask: perTask / 10)
        let start = MonotonicClock.now()
        let checksum = try await hammer(tool, queries: queries, callsPerTask: perTask)
        let elapsed = MonotonicClock.elapsed(since: start)

        let total = perTask * tasks
        let opsPerSecond = Double(total) * 1e9 / Double(elapsed)
        var result = BenchmarkResult(scenario: "memory_hit_concurrent", target: "ops_per_s>=300000", iterations: total)
        result.operationsPerSecond = opsPerSecond
        result.upstreamCalls = upstream.value
        result.wallNanoseconds = elapsed
        result.targetMet = opsPerSecond >= 300_000 && upstream.value == keys
        result.note = "\(tasks) tasks x \(perTask) calls on \(keys) warm keys (checksum \(checksum & 0xFF))"
        return result
    }

    private static func hammer(
        _ tool: Tool<WeatherQuery, Forecast>,
        queries: [WeatherQuery],
        callsPerTask: Int
    ) async throws -> Int {
        try await withThrowingTaskGroup(of: Int.self) { group in
            for taskIndex in 0..<tasks {
                group.addTask {
                    var checksum = 0
                    for call in 0..<callsPerTask {
                        checksum &+= try await tool(queries[(taskIndex &+ call) % queries.count]).day
                    }
                    return checksum
                }
            }
            return try await group.reduce(0, &+)
        }
    }
}

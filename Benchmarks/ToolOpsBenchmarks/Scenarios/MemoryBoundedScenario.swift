import ToolOps
import ToolOpsTesting

/// A million distinct keys written through a tool whose memory cache is capped: the cap holds.
enum MemoryBoundedScenario {
    static let maxEntries = 10_000
    static let workers = 4

    static func run(_ workload: Workload) async throws -> BenchmarkResult {
        let keys = workload.iterations(full: 1_000_000, quick: 100_000)
        let cache = MemoryCache(configuration: .init(maxEntries: maxEntries))
        let stores = CacheStoreRegistry()
        stores.register("memory", cache)
        let runtime = ToolRuntime.benchmark(observer: CountingObserver(), stores: stores)
        let upstream = CallCounter()
        let tool = try runtime.readonly("bench_memory_bounded") { (query: WeatherQuery) in
            upstream.increment()
            return await BenchmarkUpstream.forecast(for: query)
        }
        let rssBefore = ResidentMemory.megabytes()

        let start = MonotonicClock.now()
        // A few workers with disjoint keys, so both cores write while each call stays sequential.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    for key in stride(from: worker, to: keys, by: workers) {
                        _ = try await tool(WeatherQuery(city: "Paris", day: key))
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = MonotonicClock.elapsed(since: start)

        let statistics = cache.statistics()
        let rssAfter = ResidentMemory.megabytes()
        var result = BenchmarkResult(
            scenario: "memory_bounded",
            target: "entries<=\(maxEntries)",
            iterations: keys
        )
        result.operationsPerSecond = Double(keys) * 1e9 / Double(elapsed)
        result.upstreamCalls = upstream.count
        result.wallNanoseconds = elapsed
        result.residentMegabytes = rssAfter
        result.entries = statistics.entries
        result.targetMet = statistics.entries <= maxEntries && upstream.count == keys
        var growth = "unknown"
        if let rssBefore, let rssAfter { growth = JSONLine.decimal(rssAfter - rssBefore, places: 1) }
        result.note = "through the tool, \(workers) workers; evictions \(statistics.evictions), "
            + "cache bytes \(statistics.bytes), rss growth during scenario \(growth) MiB"
        return result
    }
}

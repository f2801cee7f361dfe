import ToolOps
import ToolOpsTesting

/// Distinct keys written far past a cache's cap: the cap holds and memory stays flat.
///
/// Two lines. `memory_bounded` writes a million keys straight into a `MemoryCache` capped at
/// 10,000 entries, building each entry as the cache-fill stage does (key digest, canonical
/// payload, decoded value): through the tool that many misses take most of a minute on this
/// machine. `memory_bounded_tool` writes fewer keys through a read-only tool with the default
/// pipeline, so per-call memory that outlives the call shows up in its RSS growth.
enum MemoryBoundedScenario {
    static let maxEntries = 10_000

    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        [
            try await direct(keys: workload.iterations(full: 1_000_000, quick: 100_000)),
            try await throughTool(keys: workload.iterations(full: 300_000, quick: 30_000)),
        ]
    }

    private static func direct(keys: Int) async throws -> BenchmarkResult {
        let cache = MemoryCache(configuration: .init(maxEntries: maxEntries))
        let tool = ToolID(name: "bench_memory_bounded")
        let workers = 2
        let rssBefore = ResidentMemory.megabytes()
        let start = MonotonicClock.now()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    let encoder = JSONValueEncoder()
                    let clock = SystemClock()
                    for index in stride(from: worker, to: keys, by: workers) {
                        let query = WeatherQuery(city: "Paris", day: index)
                        let key = CallKey(tool: tool, canonicalArguments: try encoder.encode(query))
                        let forecast = await BenchmarkUpstream.forecast(for: query)
                        let now = clock.now()
                        let expiry = now.advanced(by: .seconds(3_600))
                        let entry = CacheEntry(
                            payload: try encoder.encode(forecast).canonicalBytes(),
                            tool: tool,
                            storedAt: now,
                            freshUntil: expiry,
                            staleUntil: expiry,
                            decoded: forecast
                        )
                        cache.store(entry, for: key)
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = MonotonicClock.elapsed(since: start)
        return report(
            "memory_bounded",
            keys: keys,
            elapsed: elapsed,
            statistics: cache.statistics(),
            upstreamCalls: nil,
            rssBefore: rssBefore,
            how: "straight into MemoryCache, \(workers) workers"
        )
    }

    private static func throughTool(keys: Int) async throws -> BenchmarkResult {
        let cache = MemoryCache(configuration: .init(maxEntries: maxEntries))
        let stores = CacheStoreRegistry()
        stores.register("memory", cache)
        let runtime = ToolRuntime.benchmark(observer: CountingObserver(), stores: stores)
        let upstream = Counter()
        let tool = try runtime.readonly("bench_memory_bounded_tool") { (query: WeatherQuery) in
            upstream.increment()
            return await BenchmarkUpstream.forecast(for: query)
        }
        // A few sequential workers with disjoint keys keep both cores busy.
        let workers = 4
        let rssBefore = ResidentMemory.megabytes()
        let start = MonotonicClock.now()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    for index in stride(from: worker, to: keys, by: workers) {
                        _ = try await tool(WeatherQuery(city: "Paris", day: index))
                    }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = MonotonicClock.elapsed(since: start)
        return report(
            "memory_bounded_tool",
            keys: keys,
            elapsed: elapsed,
            statistics: cache.statistics(),
            upstreamCalls: upstream.value,
            rssBefore: rssBefore,
            how: "through a default read-only tool, \(workers) workers"
        )
    }

    private static func report(
        _ name: String,
        keys: Int,
        elapsed: UInt64,
        statistics: CacheStatistics,
        upstreamCalls: Int?,
        rssBefore: Double?,
        how: String
    ) -> BenchmarkResult {
        let rssAfter = ResidentMemory.megabytes()
        var result = BenchmarkResult(scenario: name, target: "entries<=\(maxEntries)", iterations: keys)
        result.operationsPerSecond = Double(keys) * 1e9 / Double(elapsed)
        result.upstreamCalls = upstreamCalls
        result.wallNanoseconds = elapsed
        result.residentMegabytes = rssAfter
        result.entries = statistics.entries
        result.targetMet = statistics.entries <= maxEntries && (upstreamCalls ?? keys) == keys
        var growth = "unknown"
        if let rssBefore, let rssAfter { growth = JSONLine.decimal(rssAfter - rssBefore, places: 1) }
        result.note =
            "\(how); evictions \(statistics.evictions), cache bytes \(statistics.bytes), "
            + "process rss growth over the scenario \(growth) MiB"
        return result
    }
}

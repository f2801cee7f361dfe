import ToolOps
import ToolOpsTesting

/// `postgres_get_hit`: a fresh hit through a read-only tool whose only store is ``PostgresCache``,
/// against the raw libpq lookup of the same row measured in the same run.
///
/// Three measurements, interleaved in rounds so drift on a shared machine hits them alike, all
/// reading the one row the tool's warm-up call wrote:
/// - `raw`: the cache's lookup statement on a bare libpq connection (``RawLookup``), blocking on a
///   dedicated thread — the target's baseline;
/// - `raw_async`: the same statement through libpq's asynchronous API from a Swift task, with no
///   ToolOps code (``AsyncLibPQDriver``, one connection) — the like-for-like baseline for any
///   client that must not block Swift's thread pool (Python's reference used asyncpg, likewise);
/// - `store`: `cache.entry(for:)`, the store alone (pool, worker thread, row decoding);
/// - `tool`: the full call (key, pipeline, store, JSON decoding of the payload, events);
/// - `io_executor`: the same calls from a task preferring ``PostgresClient/ioExecutor``.
///
/// Then the payload's decoding alone (no I/O), the CPU work a hit adds to the store's.
enum GetHitScenario {
    static let name = "postgres_get_hit"
    static let targetRatio = 1.3
    /// Pads the tool's result to about 100 bytes of JSON, the size `raw_libpq_select` reads.
    static let summary = String(repeating: "sunny with a light breeze ", count: 2)

    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        let target = "p50<=\(targetRatio)x raw libpq select p50"
        return try await PostgresBench.run(name, target: target) { url in
            let perRound = workload.iterations(full: 2_000, quick: 200)
            let rounds = workload.iterations(full: 5, quick: 2)
            return try await PostgresTable.with(url: url, scenario: "get_hit") { table in
                try await measure(table, perRound: perRound, rounds: rounds, target: target)
            }
        }
    }

    private static func measure(
        _ table: PostgresTable, perRound: Int, rounds: Int, target: String
    ) async throws
        -> [BenchmarkResult]
    {
        let cache = try table.cache()
        let stores = CacheStoreRegistry()
        stores.register("postgres", cache)
        let observer = CountingObserver()
        let upstream = Counter()
        let tool = try ToolRuntime.benchmark(observer: observer, stores: stores).readonly(
            "bench_postgres_get_hit", options: .init(cache: "postgres")
        ) { (query: WeatherQuery) in
            upstream.increment()
            return Forecast(city: query.city, day: query.day, celsius: 21.5, summary: summary)
        }
        let query = WeatherQuery(city: "Paris", day: 1)
        let key = try tool.key(for: query)
        _ = try await tool(query)
        guard let stored = try await cache.entry(for: key) else {
            throw ScenarioFailure("\(name): the warm-up call left no row in \(table.qualifiedName)")
        }
        let raw = try await RawLookup.connect(table: table, key: key)
        let asyncDriver = try await AsyncLibPQDriver.start(
            url: table.url, sql: PostgresBench.lookupSQL(table), connections: 1)
        defer { asyncDriver.shutdown() }
        let keyBytes = PostgresBench.keyBytes(key)
        let namespace = table.namespace

        var rawSamples = LatencySamples(capacity: perRound * rounds)
        var asyncSamples = LatencySamples(capacity: perRound * rounds)
        var storeSamples = LatencySamples(capacity: perRound * rounds)
        var toolSamples = LatencySamples(capacity: perRound * rounds)
        var executorSamples = LatencySamples(capacity: perRound * rounds)
        var checksum = 0
        let warmup = max(20, perRound / 10)
        for _ in 0..<rounds {
            rawSamples.append(contentsOf: try await raw.measure(warmup: warmup, iterations: perRound))
            asyncSamples.append(
                contentsOf: try await Harness.samples(warmup: warmup, iterations: perRound) { _ in
                    let now = PostgresBench.wallClockNanoseconds()
                    checksum &+= try await asyncDriver.execute([
                        .text(namespace), .binary(keyBytes), .text(String(now)),
                    ]).count
                })
            storeSamples.append(
                contentsOf: try await Harness.samples(warmup: warmup, iterations: perRound) { _ in
                    checksum &+= try await cache.entry(for: key)?.payload.count ?? -1_000_000
                })
            toolSamples.append(
                contentsOf: try await Harness.samples(warmup: warmup, iterations: perRound) { _ in
                    checksum &+= try await tool(query).day
                })
            let (onExecutor, sum) = try await withTaskExecutorPreference(PostgresClient.ioExecutor) {
                var sum = 0
                let samples = try await Harness.samples(warmup: warmup, iterations: perRound) { _ in
                    sum &+= try await tool(query).day
                }
                return (samples, sum)
            }
            executorSamples.append(contentsOf: onExecutor)
            checksum &+= sum
        }
        await cache.shutdown()
        // What a hit does that the store does not, on the CPU alone: parse and decode the payload.
        let decodeLatency = try await Harness.latency(warmup: warmup, iterations: perRound) { _ in
            checksum &+= try JSONValueDecoder().decode(Forecast.self, from: JSONValue(parsing: stored.payload)).day
        }

        let rawLatency = rawSamples.summary()
        let asyncLatency = asyncSamples.summary()
        let storeLatency = storeSamples.summary()
        let toolLatency = toolSamples.summary()
        let ratio = PostgresBench.ratio(toolLatency, rawLatency)
        let hits = observer.count("cache_hit")
        let timedCalls = (perRound + warmup) * rounds
        var result = BenchmarkResult(scenario: name, target: target, iterations: toolSamples.count)
        result.latency = toolLatency
        result.reportsP90 = true
        result.operationsPerSecond = toolLatency.operationsPerSecond
        result.upstreamCalls = upstream.value
        result.extra.add("raw_select_p50_us", rawLatency.p50Microseconds, decimals: 3)
        result.extra.add("raw_async_select_p50_us", asyncLatency.p50Microseconds, decimals: 3)
        result.extra.add("store_lookup_p50_us", storeLatency.p50Microseconds, decimals: 3)
        result.extra.add("store_lookup_p99_us", storeLatency.p99Microseconds, decimals: 3)
        result.extra.add("payload_decode_p50_us", decodeLatency.p50Microseconds, decimals: 3)
        result.extra.add("ratio_to_raw_select", ratio, decimals: 3)
        result.extra.add("io_executor_p50_us", executorSamples.summary().p50Microseconds, decimals: 3)
        result.extra.add(
            "io_executor_ratio_to_raw_select", PostgresBench.ratio(executorSamples.summary(), rawLatency), decimals: 3)
        result.extra.add("store_ratio_to_raw_select", PostgresBench.ratio(storeLatency, rawLatency), decimals: 3)
        result.extra.add("ratio_to_raw_async_select", PostgresBench.ratio(toolLatency, asyncLatency), decimals: 3)
        result.extra.add("target_ratio", targetRatio, decimals: 1)
        result.extra.add("payload_bytes", stored.payload.count)
        result.targetMet = ratio <= targetRatio && upstream.value == 1 && hits == timedCalls
        result.note =
            "\(rounds) interleaved rounds of raw / raw_async / store / tool on one row; raw = PQexecPrepared on "
            + "a dedicated thread (the target's baseline), raw_async = PQsendQueryPrepared from a Swift task via "
            + "an event-loop thread, no ToolOps; store = cache.entry(for:), tool = full read-only call; payload_decode = "
            + "JSONValue(parsing:) + JSONValueDecoder of the row's payload, hot, no I/O; cache_hit events "
            + "\(hits) of \(timedCalls) (checksum \(checksum & 0xFF))"
        return [result]
    }
}

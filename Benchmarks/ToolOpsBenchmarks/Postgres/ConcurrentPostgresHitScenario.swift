import ToolOps
import ToolOpsTesting

/// `postgres_hit_concurrent`: 50 tasks calling a PostgreSQL-cached tool on warm keys, for the
/// cache's default pool (8 connections) and for 4 and 16, through the tool and straight through
/// `cache.entry(for:)`. Each pool size has a cache of its own, all open at once; rounds run the
/// sizes in alternating order and their times are summed.
enum ConcurrentPostgresHitScenario {
    static let name = "postgres_hit_concurrent"
    static let tasks = 50
    static let keys = 16
    static let targetOpsPerSecond = 15_000
    /// The default first, so its figures are the headline; then the alternatives.
    static let poolSizes = [8, 4, 16]

    struct Figures {
        var poolSize: Int
        var toolOpsPerSecond: Double
        var entryOpsPerSecond: Double
        var upstreamCalls: Int
    }

    /// One pool size under test: its cache, a tool on it, and the tool's warm keys.
    private struct Subject {
        var poolSize: Int
        var cache: PostgresCache
        var upstream: Counter
        var callTool: @Sendable (Int) async throws -> Int
        var callEntry: @Sendable (Int) async throws -> Int
    }

    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        let target = "ops_per_s>=\(targetOpsPerSecond)"
        return try await PostgresBench.run(name, target: target) { url in
            let perTask = workload.iterations(full: 100, quick: 10)
            let rounds = workload.iterations(full: 2, quick: 1)
            return try await PostgresTable.with(url: url, scenario: "hit_concurrent") { table in
                var subjects: [Subject] = []
                for size in poolSizes { subjects.append(try await subject(table, poolSize: size)) }
                // Untimed first pass: opens every connection of each pool.
                for subject in subjects { _ = try await hammer(callsPerTask: max(2, perTask / 10), subject.callTool) }
                // Rounds in alternating order, so no pool size always runs first or last.
                var toolNanoseconds = [UInt64](repeating: 0, count: subjects.count)
                var entryNanoseconds = [UInt64](repeating: 0, count: subjects.count)
                for round in 0..<rounds {
                    let order = round.isMultiple(of: 2) ? Array(subjects.indices) : subjects.indices.reversed()
                    for index in order {
                        toolNanoseconds[index] += try await hammer(callsPerTask: perTask, subjects[index].callTool)
                        entryNanoseconds[index] += try await hammer(callsPerTask: perTask, subjects[index].callEntry)
                    }
                }
                let calls = Double(tasks * perTask * rounds) * 1e9
                var figures: [Figures] = []
                for (index, subject) in subjects.enumerated() {
                    await subject.cache.shutdown()
                    figures.append(
                        Figures(
                            poolSize: subject.poolSize, toolOpsPerSecond: calls / Double(toolNanoseconds[index]),
                            entryOpsPerSecond: calls / Double(entryNanoseconds[index]),
                            upstreamCalls: subject.upstream.value))
                }
                return [report(figures, perTask: perTask * rounds, target: target)]
            }
        }
    }

    private static func subject(_ table: PostgresTable, poolSize: Int) async throws -> Subject {
        let cache = try table.cache(poolSize: poolSize)
        let stores = CacheStoreRegistry()
        stores.register("postgres", cache)
        let upstream = Counter()
        let tool = try ToolRuntime.benchmark(observer: CountingObserver(), stores: stores).readonly(
            "bench_postgres_hit_concurrent", options: .init(cache: "postgres")
        ) { (query: WeatherQuery) in
            upstream.increment()
            return await BenchmarkUpstream.forecast(for: query)
        }
        let queries = (0..<keys).map { WeatherQuery(city: "Paris", day: $0) }
        for query in queries { _ = try await tool(query) }
        let callKeys = try queries.map { try tool.key(for: $0) }
        return Subject(
            poolSize: poolSize, cache: cache, upstream: upstream,
            callTool: { try await tool(queries[$0 % keys]).day },
            callEntry: { try await cache.entry(for: callKeys[$0 % keys])?.payload.count ?? -1_000_000 })
    }

    /// `tasks` tasks each making `callsPerTask` calls; returns the wall time in nanoseconds.
    private static func hammer(
        callsPerTask: Int, _ call: @escaping @Sendable (Int) async throws -> Int
    ) async throws
        -> UInt64
    {
        let start = MonotonicClock.now()
        let checksum = try await withThrowingTaskGroup(of: Int.self) { group in
            for taskIndex in 0..<tasks {
                group.addTask {
                    var checksum = 0
                    for index in 0..<callsPerTask { checksum &+= try await call(taskIndex &+ index) }
                    return checksum
                }
            }
            return try await group.reduce(0, &+)
        }
        let elapsed = MonotonicClock.elapsed(since: start)
        guard checksum >= 0 else { throw ScenarioFailure("\(name): a warm key was missing from the cache") }
        return elapsed
    }

    private static func report(_ figures: [Figures], perTask: Int, target: String) -> BenchmarkResult {
        let headline = figures.first { $0.poolSize == 8 } ?? figures[0]
        let best = figures.max { $0.toolOpsPerSecond < $1.toolOpsPerSecond } ?? headline
        var result = BenchmarkResult(scenario: name, target: target, iterations: tasks * perTask)
        result.operationsPerSecond = headline.toolOpsPerSecond
        // The caches share one table: the first warms the keys, the others find them there.
        let upstreamCalls = figures.reduce(0) { $0 + $1.upstreamCalls }
        result.upstreamCalls = upstreamCalls
        result.extra.add("entry_ops_per_s", headline.entryOpsPerSecond, decimals: 0)
        result.extra.add("target_ops_per_s", targetOpsPerSecond)
        for figure in figures.sorted(by: { $0.poolSize < $1.poolSize }) {
            result.extra.add("tool_ops_per_s_pool\(figure.poolSize)", figure.toolOpsPerSecond, decimals: 0)
            result.extra.add("entry_ops_per_s_pool\(figure.poolSize)", figure.entryOpsPerSecond, decimals: 0)
        }
        result.extra.add("best_pool_size", best.poolSize)
        result.targetMet =
            headline.toolOpsPerSecond >= Double(targetOpsPerSecond) && upstreamCalls == keys
        result.note =
            "\(tasks) tasks x \(perTask) calls on \(keys) warm keys, per pool size (a cache each, rounds in "
            + "alternating order); "
            + "ops_per_s and entry_ops_per_s are the default pool (8): the tool, and cache.entry(for:) alone"
        return result
    }
}

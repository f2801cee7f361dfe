import ToolOps

/// `postgres_io_model`: which is faster for the cache's lookups — ``PostgresClient`` (one
/// dedicated thread per connection running blocking libpq calls) or ``AsyncLibPQDriver`` (one
/// event loop driving nonblocking connections with `poll()`)?
///
/// Same server, same 8 connections each, same prepared lookup of one row with the same parameter
/// formats (as the cache sends them) and the same decoding into ``PostgresRows``. Two measures,
/// each in interleaved rounds: the p50 of one task's calls back to back, and the throughput of
/// 50 tasks calling at once (with the process's CPU time per call).
enum IOModelScenario {
    static let name = "postgres_io_model"
    static let poolSize = 8
    static let tasks = 50

    /// One way to run the lookup.
    private struct Model {
        var name: String
        var lookup: @Sendable () async throws -> PostgresRows
    }

    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        try await PostgresBench.run(name, target: "diagnostic") { url in
            try await PostgresTable.with(url: url, scenario: "io_model") { table in
                try await compare(table, workload)
            }
        }
    }

    private static func compare(_ table: PostgresTable, _ workload: Workload) async throws -> [BenchmarkResult] {
        let perRound = workload.iterations(full: 2_000, quick: 200)
        let perTask = workload.iterations(full: 100, quick: 10)
        let rounds = workload.iterations(full: 3, quick: 1)
        let tool = ToolID(name: "bench_postgres_io_model")
        let key = PostgresBench.key(tool: tool, stream: 6, index: 0)
        let cache = try table.cache()
        try await cache.store(PostgresBench.entry(PostgresBench.payload(bytes: 100), tool: tool), for: key)
        await cache.shutdown()

        let sql = PostgresBench.lookupSQL(table)
        let namespace = table.namespace
        let keyBytes = PostgresBench.keyBytes(key)
        let client = try PostgresClient(configuration: .init(connectionString: table.url, poolSize: poolSize))
        defer { client.shutdown() }
        let driver = try await AsyncLibPQDriver.start(url: table.url, sql: sql, connections: poolSize)
        defer { driver.shutdown() }
        let statement = PostgresStatement(sql)
        let models = [
            Model(name: "threads") {
                let now = PostgresBench.wallClockNanoseconds()
                return try await client.execute(statement, [.text(namespace), .bytes(keyBytes), .int64(now)])
            },
            Model(name: "async") {
                let now = PostgresBench.wallClockNanoseconds()
                return try await driver.execute([.text(namespace), .binary(keyBytes), .text(String(now))])
            },
        ]

        var sequential = models.map { _ in LatencySamples(capacity: perRound * rounds) }
        var elapsed = [UInt64](repeating: 0, count: models.count)
        var cpu = [Int64](repeating: 0, count: models.count)
        // Untimed: opens every connection of the client's pool.
        for model in models { _ = try await concurrentRun(model, callsPerTask: 2) }
        for _ in 0..<rounds {
            for (index, model) in models.enumerated() {
                sequential[index].append(
                    contentsOf: try await Harness.samples(warmup: max(20, perRound / 10), iterations: perRound) { _ in
                        guard try await model.lookup().count == 1 else { throw ScenarioFailure("row missing") }
                    })
                let cpuBefore = PostgresBench.cpuMicroseconds()
                elapsed[index] += try await concurrentRun(model, callsPerTask: perTask)
                cpu[index] += PostgresBench.cpuMicroseconds() - cpuBefore
            }
        }

        let latency = sequential.map { $0.summary() }
        let calls = tasks * perTask * rounds
        let rates = elapsed.map { Double(calls) * 1e9 / Double($0) }
        let cpuPerCall = cpu.map { Double($0) / Double(calls) }
        var result = BenchmarkResult(scenario: name, target: "diagnostic", iterations: perRound * rounds)
        result.extra.add("threads_seq_p50_us", latency[0].p50Microseconds, decimals: 3)
        result.extra.add("async_seq_p50_us", latency[1].p50Microseconds, decimals: 3)
        result.extra.add("threads_seq_p99_us", latency[0].p99Microseconds, decimals: 3)
        result.extra.add("async_seq_p99_us", latency[1].p99Microseconds, decimals: 3)
        let (fastP50, slowP50) = (min(latency[0].p50, latency[1].p50), max(latency[0].p50, latency[1].p50))
        result.extra.add("faster_sequential", latency[0].p50 <= latency[1].p50 ? "threads" : "async")
        result.extra.add("sequential_margin_pct", (Double(slowP50) / Double(fastP50) - 1) * 100, decimals: 1)
        result.extra.add("threads_ops_per_s", rates[0], decimals: 0)
        result.extra.add("async_ops_per_s", rates[1], decimals: 0)
        result.extra.add("faster_concurrent", rates[0] >= rates[1] ? "threads" : "async")
        result.extra.add("concurrent_margin_pct", (rates.max()! / rates.min()! - 1) * 100, decimals: 1)
        result.extra.add("threads_cpu_us_per_call", cpuPerCall[0], decimals: 2)
        result.extra.add("async_cpu_us_per_call", cpuPerCall[1], decimals: 2)
        result.extra.add("pool_size", poolSize)
        result.extra.add("concurrent_tasks", tasks)
        result.note =
            "threads = PostgresClient (thread per connection, blocking libpq); async = one poll() loop over "
            + "nonblocking connections (Postgres/AsyncLibPQDriver.swift); \(rounds) interleaved rounds; "
            + "concurrent = \(tasks) tasks x \(perTask) lookups per round; cpu = this process's user+sys time; "
            + "margin = how much faster the faster one is"
        return [result]
    }

    /// `tasks` tasks making `callsPerTask` lookups each; returns the wall time in nanoseconds.
    private static func concurrentRun(_ model: Model, callsPerTask: Int) async throws -> UInt64 {
        let start = MonotonicClock.now()
        let rows = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<tasks {
                group.addTask {
                    var rows = 0
                    for _ in 0..<callsPerTask { rows += try await model.lookup().count }
                    return rows
                }
            }
            return try await group.reduce(0, +)
        }
        guard rows == tasks * callsPerTask else { throw ScenarioFailure("\(model.name): rows missing") }
        return MonotonicClock.elapsed(since: start)
    }
}

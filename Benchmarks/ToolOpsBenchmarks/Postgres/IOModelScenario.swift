import ToolOps

/// `postgres_io_model`: which way of driving libpq is fastest for the cache's lookups? Three
/// models, side by side in one run:
///
/// - `client`: ``PostgresClient`` as it ships. The calling task sends with libpq's asynchronous
///   API on a nonblocking connection (`PQsendQueryPrepared`, `PQflush`), suspends until the one
///   process-wide epoll thread (`SocketReadiness`) sees the socket readable, then reads and
///   decodes the result itself.
/// - `loop`: ``AsyncLibPQDriver``. One event-loop thread does all the I/O: it sends each queued
///   job on an idle nonblocking connection, `poll()`s the busy sockets, reads the results and
///   resumes the tasks.
/// - `threads`: ``ThreadPerConnectionDriver``, the client's previous design. One worker thread
///   per connection; a task borrows a worker, hands it the job through a condition variable, and
///   the worker runs blocking `PQexecPrepared` and resumes the task.
///
/// Same server, same 8 connections each, same prepared lookup of one row with the same parameter
/// formats (as the cache sends them) and the same decoding into ``PostgresRows``. Two measures,
/// each in interleaved rounds: the p50/p99 of one task's calls back to back, and the throughput
/// of 50 tasks calling at once (with the process's CPU time per call).
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
        let loop = try await AsyncLibPQDriver.start(url: table.url, sql: sql, connections: poolSize)
        defer { loop.shutdown() }
        let threads = try await ThreadPerConnectionDriver.start(url: table.url, sql: sql, connections: poolSize)
        defer { threads.shutdown() }
        let statement = PostgresStatement(sql)
        let models = [
            Model(name: "client") {
                let now = PostgresBench.wallClockNanoseconds()
                return try await client.execute(statement, [.text(namespace), .bytes(keyBytes), .int64(now)])
            },
            Model(name: "loop") {
                let now = PostgresBench.wallClockNanoseconds()
                return try await loop.execute([.text(namespace), .binary(keyBytes), .text(String(now))])
            },
            Model(name: "threads") {
                let now = PostgresBench.wallClockNanoseconds()
                return try await threads.execute([.text(namespace), .binary(keyBytes), .text(String(now))])
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
        for (index, model) in models.enumerated() {
            result.extra.add("\(model.name)_seq_p50_us", latency[index].p50Microseconds, decimals: 3)
        }
        for (index, model) in models.enumerated() {
            result.extra.add("\(model.name)_seq_p99_us", latency[index].p99Microseconds, decimals: 3)
        }
        let p50s = latency.map { Double($0.p50) }
        let bySpeed = models.indices.sorted { p50s[$0] < p50s[$1] }
        result.extra.add("fastest_sequential", models[bySpeed[0]].name)
        result.extra.add("sequential_margin_pct", (p50s[bySpeed[1]] / p50s[bySpeed[0]] - 1) * 100, decimals: 1)
        for (index, model) in models.enumerated() {
            result.extra.add("\(model.name)_ops_per_s", rates[index], decimals: 0)
        }
        let byRate = models.indices.sorted { rates[$0] > rates[$1] }
        result.extra.add("fastest_concurrent", models[byRate[0]].name)
        result.extra.add("concurrent_margin_pct", (rates[byRate[0]] / rates[byRate[1]] - 1) * 100, decimals: 1)
        for (index, model) in models.enumerated() {
            result.extra.add("\(model.name)_cpu_us_per_call", cpuPerCall[index], decimals: 2)
        }
        result.extra.add("pool_size", poolSize)
        result.extra.add("concurrent_tasks", tasks)
        result.note =
            "client = PostgresClient as shipped (the task sends with PQsendQueryPrepared on a nonblocking "
            + "connection, waits on the process-wide epoll thread, reads the result itself); loop = one "
            + "poll() thread doing all the I/O (Postgres/AsyncLibPQDriver.swift); threads = a worker thread "
            + "per connection running blocking PQexecPrepared, the client's previous design "
            + "(Postgres/ThreadPerConnectionDriver.swift); \(poolSize) connections each; \(rounds) interleaved "
            + "rounds; concurrent = \(tasks) tasks x \(perTask) lookups per round; cpu = this process's "
            + "user+sys time; margin = how much faster the fastest is than the runner-up"
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

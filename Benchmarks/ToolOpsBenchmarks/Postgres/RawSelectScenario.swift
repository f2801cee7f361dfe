import ToolOps

/// `raw_libpq_select`: the cache's lookup statement on a bare libpq connection, the baseline the
/// PostgreSQL cache is judged against.
///
/// A dedicated thread (never the cooperative pool) connects with `PQconnectdb`, prepares the
/// exact text of the cache's lookup and runs `PQexecPrepared` back to back with binary
/// parameters and results against one row of a 100-byte payload, written by ``PostgresCache``
/// first so the table is the cache's own.
enum RawSelectScenario {
    static let name = "raw_libpq_select"
    static let payloadBytes = 100

    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        try await PostgresBench.run(name, target: "reference only") { url in
            let iterations = workload.iterations(full: 20_000, quick: 1_000)
            return try await PostgresTable.with(url: url, scenario: "raw_select") { table in
                let tool = ToolID(name: "bench_raw_libpq_select")
                let key = PostgresBench.key(tool: tool, stream: 1, index: 0)
                let cache = try table.cache()
                try await cache.store(
                    PostgresBench.entry(PostgresBench.payload(bytes: payloadBytes), tool: tool), for: key)
                await cache.shutdown()

                let raw = try await RawLookup.connect(table: table, key: key)
                let latency = try await raw.measure(warmup: iterations / 10, iterations: iterations).summary()
                var result = BenchmarkResult(scenario: name, target: "reference only", iterations: iterations)
                result.latency = latency
                result.reportsP90 = true
                result.operationsPerSecond = latency.operationsPerSecond
                result.extra.add("payload_bytes", payloadBytes)
                result.note =
                    "PQexecPrepared of the cache's lookup statement on one connection, on a dedicated thread; "
                    + "binary parameters and results, one row"
                return [result]
            }
        }
    }
}

/// The cache's lookup of one key on a raw connection: binary parameters (namespace, key, now)
/// and binary results, exactly one row expected.
final class RawLookup: @unchecked Sendable {
    private static let statement = "bench_raw_lookup"
    private let connection: RawLibPQConnection
    private let parameters: RawParameters

    /// Connects and prepares; blocking.
    private init(table: PostgresTable, key: CallKey) throws {
        connection = try RawLibPQConnection(url: table.url)
        try connection.prepare(Self.statement, PostgresBench.lookupSQL(table))
        parameters = RawParameters([
            .binary(Array(table.namespace.utf8)), .binary(PostgresBench.keyBytes(key)),
            .int64(PostgresBench.wallClockNanoseconds()),
        ])
    }

    /// Connects and prepares on a dedicated thread.
    static func connect(table: PostgresTable, key: CallKey) async throws -> RawLookup {
        try await DedicatedThread.run("bench-raw-connect") { try RawLookup(table: table, key: key) }
    }

    /// Times lookups back to back on a dedicated thread. Like the cache, each call sends the
    /// current time as the expiry bound.
    func measure(warmup: Int, iterations: Int) async throws -> LatencySamples {
        try await DedicatedThread.run("bench-raw-lookup") { [self] in
            try Harness.blockingSamples(warmup: warmup, iterations: iterations) { _ in
                parameters.setTail(2, UInt64(PostgresBench.wallClockNanoseconds()))
                let found = try connection.execute(Self.statement, parameters)
                guard found.rows == 1, found.firstLength > 0 else {
                    throw ScenarioFailure("raw lookup found \(found.rows) rows, expected 1")
                }
            }
        }
    }
}

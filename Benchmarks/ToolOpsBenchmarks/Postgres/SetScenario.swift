import ToolOps

/// `postgres_set`: `cache.store(_:for:)` against the same upsert on a bare libpq connection.
///
/// Both write a new key on every call (the insert path a cache fill takes), with a 100-byte
/// payload and no tags, in interleaved rounds so the growing table weighs on both alike.
enum SetScenario {
    static let name = "postgres_set"
    static let targetRatio = 1.5
    static let payloadBytes = 100

    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        let target = "p50<=\(targetRatio)x raw libpq upsert p50"
        return try await PostgresBench.run(name, target: target) { url in
            let perRound = workload.iterations(full: 1_000, quick: 100)
            let rounds = workload.iterations(full: 5, quick: 2)
            return try await PostgresTable.with(url: url, scenario: "set") { table in
                let tool = ToolID(name: "bench_postgres_set")
                let payload = PostgresBench.payload(bytes: payloadBytes)
                let cache = try table.cache()
                let raw = try await RawUpsert.connect(table: table, tool: tool, payload: payload)
                var rawSamples = LatencySamples(capacity: perRound * rounds)
                var storeSamples = LatencySamples(capacity: perRound * rounds)
                let warmup = max(20, perRound / 10)
                for round in 0..<rounds {
                    let first = round * (perRound + warmup)
                    rawSamples.append(
                        contentsOf: try await raw.measure(warmup: warmup, iterations: perRound, first: first))
                    storeSamples.append(
                        contentsOf: try await Harness.samples(warmup: warmup, iterations: perRound, first: first) {
                            index in
                            let key = PostgresBench.key(tool: tool, stream: 2, index: index)
                            try await cache.store(PostgresBench.entry(payload, tool: tool), for: key)
                        })
                }
                let rows = try await cache.statistics().entries
                await cache.shutdown()

                let rawLatency = rawSamples.summary()
                let storeLatency = storeSamples.summary()
                let ratio = PostgresBench.ratio(storeLatency, rawLatency)
                let written = 2 * rounds * (perRound + warmup)
                var result = BenchmarkResult(scenario: name, target: target, iterations: storeSamples.count)
                result.latency = storeLatency
                result.reportsP90 = true
                result.operationsPerSecond = storeLatency.operationsPerSecond
                result.entries = rows
                result.extra.add("raw_upsert_p50_us", rawLatency.p50Microseconds, decimals: 3)
                result.extra.add("raw_upsert_p99_us", rawLatency.p99Microseconds, decimals: 3)
                result.extra.add("ratio_to_raw_upsert", ratio, decimals: 3)
                result.extra.add("target_ratio", targetRatio, decimals: 1)
                result.targetMet = ratio <= targetRatio && rows == written
                result.note =
                    "\(rounds) interleaved rounds; new key per call, \(payloadBytes)-byte payload; raw = "
                    + "PQexecPrepared of the cache's upsert text on a dedicated thread, binary parameters; "
                    + "entries = rows written by both (expected \(written))"
                return [result]
            }
        }
    }
}

/// The cache's upsert on a raw connection: binary parameters (tags as text `{}`), a new key per
/// call, values as `PostgresCache` writes them.
final class RawUpsert: @unchecked Sendable {
    private static let statement = "bench_raw_upsert"
    private let connection: RawLibPQConnection
    private let parameters: RawParameters

    private init(table: PostgresTable, tool: ToolID, payload: [UInt8]) throws {
        connection = try RawLibPQConnection(url: table.url)
        try connection.prepare(Self.statement, PostgresBench.upsertSQL(table))
        let entry = PostgresBench.entry(payload, tool: tool)
        let key = PostgresBench.key(tool: tool, stream: 3, index: 0)
        parameters = RawParameters([
            .binary(Array(table.namespace.utf8)), .binary(PostgresBench.keyBytes(key)), .binary(Array(tool.name.utf8)),
            .binary(Array(tool.version.utf8)), .text("{}"), .binary(payload), .int32(Int32(entry.cost)),
            .int64(0), .int64(0), .int64(0),
        ])
    }

    /// Connects and prepares on a dedicated thread.
    static func connect(table: PostgresTable, tool: ToolID, payload: [UInt8]) async throws -> RawUpsert {
        try await DedicatedThread.run("bench-raw-connect") { try RawUpsert(table: table, tool: tool, payload: payload) }
    }

    /// Times upserts of keys `first`… back to back on a dedicated thread.
    func measure(warmup: Int, iterations: Int, first: Int) async throws -> LatencySamples {
        try await DedicatedThread.run("bench-raw-upsert") { [self] in
            try Harness.blockingSamples(warmup: warmup, iterations: iterations, first: first) { index in
                let now = PostgresBench.wallClockNanoseconds()
                let expiry = UInt64(now + 3_600_000_000_000)
                parameters.setTail(1, UInt64(index))
                parameters.setTail(7, UInt64(now))
                parameters.setTail(8, expiry)
                parameters.setTail(9, expiry)
                try connection.execute(Self.statement, parameters)
            }
        }
    }
}

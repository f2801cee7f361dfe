import ToolOps

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A cache table of one scenario's own, in schema `toolops_bench`: created through
/// ``PostgresCache`` (so its layout is the cache's) and dropped when the scenario ends.
struct PostgresTable: Sendable {
    let url: String
    /// `bench_<scenario>_<pid>_<random>`: concurrent runs against one server never share a table.
    let name: String
    /// The namespace the scenario's rows carry.
    let namespace: String

    var qualifiedName: String { "\"\(PostgresBench.schema)\".\"\(name)\"" }

    private init(url: String, scenario: String) {
        self.url = url
        let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        name = String("bench_\(scenario)_\(getpid())_\(suffix)".prefix(50))
        namespace = "bench-\(scenario)"
    }

    /// A cache on this table. Defaults are the library's, except the names (and `poolSize`
    /// and coalescing where a scenario varies them).
    func cache(poolSize: Int = 8, crossProcessCoalescing: Bool = true) throws -> PostgresCache {
        try PostgresCache(
            configuration: .init(
                connectionString: url,
                namespace: namespace,
                schema: PostgresBench.schema,
                table: name,
                poolSize: poolSize,
                crossProcessCoalescing: crossProcessCoalescing
            ))
    }

    /// Creates a table for `scenario`, runs `body`, and drops the table whether `body` succeeds or not.
    static func with<T>(url: String, scenario: String, _ body: (PostgresTable) async throws -> T) async throws -> T {
        let table = PostgresTable(url: url, scenario: scenario)
        let creator = try table.cache()
        try await creator.prepare()
        await creator.shutdown()
        do {
            let value = try await body(table)
            await table.drop()
            return value
        } catch {
            await table.drop()
            throw error
        }
    }

    /// Drops the entries and stats tables and forgets the table's migration record.
    private func drop() async {
        do {
            let admin = try PostgresClient(
                configuration: .init(connectionString: url, poolSize: 1, applicationName: "toolops-bench"))
            defer { admin.shutdown() }
            let stats = "\"\(PostgresBench.schema)\".\"\(name)_stats\""
            try await admin.run(script: "DROP TABLE IF EXISTS \(qualifiedName); DROP TABLE IF EXISTS \(stats)")
            _ = try await admin.query(
                "DELETE FROM \"\(PostgresBench.schema)\".toolops_migrations WHERE component = $1", [.text(name)])
        } catch {
            Progress.note("could not drop table \(qualifiedName): \(error)")
        }
    }
}

/// The versioned tables of one component (the cache, a semantic store), brought up to date in one
/// transaction.
///
/// Each component records its version in `<schema>.toolops_migrations` under its own name and
/// applies the steps past it. A global advisory lock lets one migrator run at a time across every
/// process sharing the database (concurrent `CREATE … IF NOT EXISTS` can otherwise collide in the
/// catalog). Tables dropped by hand after a migration are built again; a version newer than this
/// build knows is refused rather than touched.
struct SchemaMigration {
    /// The schema holding the tables and the migrations table.
    let schema: SQLIdentifier
    /// The qualified migrations table.
    let migrationsTable: String
    /// The name recorded in the migrations table.
    let component: String
    /// Qualified tables that must exist for the recorded version to be trusted.
    let tables: [String]
    /// The table named in errors.
    let describedTable: String
    /// The migration steps, one SQL script per version.
    let steps: [String]

    var currentVersion: Int { steps.count }

    /// The advisory lock every migrator takes.
    static let lockKey: Int64 = 7_262_737_265_736_371

    /// Brings the tables to ``currentVersion``; returns the version found before.
    func run(on client: PostgresClient) async throws(PostgresError) -> Int {
        try await client.withSession { (session) throws(PostgresError) -> Int in
            try await session.run(script: "BEGIN")
            do throws(PostgresError) {
                _ = try await session.query("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
                try await session.run(
                    script: """
                        CREATE SCHEMA IF NOT EXISTS \(schema.quoted);
                        CREATE TABLE IF NOT EXISTS \(migrationsTable) (
                            component text PRIMARY KEY,
                            version integer NOT NULL,
                            migrated_at timestamptz NOT NULL DEFAULT now()
                        );
                        """)
                let found = try await session.query(
                    "SELECT version FROM \(migrationsTable) WHERE component = $1", [.text(component)])
                var version = try found.rows.first.map { (row) throws(PostgresError) in Int(try row[0].int()) } ?? 0
                let checks = tables.indices.map { "to_regclass($\($0 + 1)) IS NOT NULL" }.joined(separator: " AND ")
                let present = try await session.query("SELECT \(checks)", tables.map(PostgresBind.text))
                if try !present.single().bool() { version = 0 }
                guard version <= currentVersion else {
                    throw PostgresError(
                        .invalidConfiguration,
                        "table \(describedTable) is at schema version \(version), newer than this ToolOps supports "
                            + "(\(currentVersion)); upgrade ToolOps or use another table")
                }
                for step in steps.dropFirst(version) { try await session.run(script: step) }
                if version < currentVersion {
                    _ = try await session.query(
                        "INSERT INTO \(migrationsTable) (component, version) VALUES ($1, $2) ON CONFLICT (component) "
                            + "DO UPDATE SET version = EXCLUDED.version, migrated_at = now()",
                        [.text(component), .int64(Int64(currentVersion))])
                }
                try await session.run(script: "COMMIT")
                return version
            } catch {
                try? await session.run(script: "ROLLBACK")
                throw error
            }
        }
    }
}

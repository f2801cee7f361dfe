/// The cache's tables, created and migrated on first use.
///
/// Versions are recorded per table in `<schema>.toolops_migrations`; each process applies the
/// steps it is missing inside a transaction holding an advisory lock, so processes starting
/// together never race. A database migrated by a newer ToolOps is refused, not downgraded.
enum CacheSchema {
    /// The version this build writes and reads.
    static let currentVersion = 1

    /// The steps, in order; step `n` takes the table from version `n` to `n + 1`.
    static func steps(_ sql: CacheSQL, table: SQLIdentifier) -> [String] {
        [
            """
            CREATE TABLE IF NOT EXISTS \(sql.entries) (
                namespace text NOT NULL,
                key bytea NOT NULL,
                tool text NOT NULL,
                tool_version text NOT NULL,
                tags text[] NOT NULL DEFAULT '{}',
                payload bytea NOT NULL,
                size integer NOT NULL,
                stored_at bigint NOT NULL,
                fresh_until bigint NOT NULL,
                stale_until bigint NOT NULL,
                PRIMARY KEY (namespace, key)
            );
            CREATE INDEX IF NOT EXISTS \(table.suffixed("_expiry_idx").quoted) ON \(sql.entries) (namespace, stale_until);
            CREATE INDEX IF NOT EXISTS \(table.suffixed("_tool_idx").quoted) ON \(sql.entries) (namespace, tool);
            CREATE INDEX IF NOT EXISTS \(table.suffixed("_age_idx").quoted) ON \(sql.entries) (namespace, stored_at);
            CREATE INDEX IF NOT EXISTS \(table.suffixed("_tags_idx").quoted) ON \(sql.entries) USING gin (tags);
            CREATE TABLE IF NOT EXISTS \(sql.stats) (
                namespace text NOT NULL,
                tool text NOT NULL,
                hits bigint NOT NULL DEFAULT 0,
                misses bigint NOT NULL DEFAULT 0,
                writes bigint NOT NULL DEFAULT 0,
                evictions bigint NOT NULL DEFAULT 0,
                expirations bigint NOT NULL DEFAULT 0,
                PRIMARY KEY (namespace, tool)
            );
            """
        ]
    }

    /// Brings the tables to ``currentVersion``; returns the version found before.
    static func migrate(
        _ client: PostgresClient, sql: CacheSQL, table: SQLIdentifier
    ) async throws(PostgresError)
        -> Int
    {
        try await client.withSession { (session) throws(PostgresError) -> Int in
            try await session.run(script: "BEGIN")
            do throws(PostgresError) {
                // One migrator at a time, across every process sharing the database: concurrent
                // CREATE … IF NOT EXISTS statements can otherwise collide in the catalog.
                _ = try await session.query("SELECT pg_advisory_xact_lock(7262737265736371)")
                try await session.run(
                    script: """
                        CREATE SCHEMA IF NOT EXISTS \(sql.schema.quoted);
                        CREATE TABLE IF NOT EXISTS \(sql.migrations) (
                            component text PRIMARY KEY,
                            version integer NOT NULL,
                            migrated_at timestamptz NOT NULL DEFAULT now()
                        );
                        """)
                let found = try await session.query(
                    "SELECT version FROM \(sql.migrations) WHERE component = $1", [.text(sql.tableName)])
                var version = try found.rows.first.map { (row) throws(PostgresError) in Int(try row[0].int()) } ?? 0
                // Tables dropped by hand after a migration: build them again.
                let present = try await session.query(
                    "SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL",
                    [.text(sql.entries), .text(sql.stats)])
                if try !present.single().bool() { version = 0 }
                guard version <= currentVersion else {
                    throw PostgresError(
                        .invalidConfiguration,
                        "table \(sql.entries) is at schema version \(version), newer than this ToolOps supports "
                            + "(\(currentVersion)); upgrade ToolOps or use another table")
                }
                for step in steps(sql, table: table).dropFirst(version) {
                    try await session.run(script: step)
                }
                if version < currentVersion {
                    _ = try await session.query(
                        "INSERT INTO \(sql.migrations) (component, version) VALUES ($1, $2) ON CONFLICT (component) "
                            + "DO UPDATE SET version = EXCLUDED.version, migrated_at = now()",
                        [.text(sql.tableName), .int64(Int64(currentVersion))])
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

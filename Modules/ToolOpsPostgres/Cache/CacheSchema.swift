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
    ) async throws(PostgresError) -> Int {
        let migration = SchemaMigration(
            schema: sql.schema, migrationsTable: sql.migrations, component: sql.tableName,
            tables: [sql.entries, sql.stats],
            describedTable: sql.entries, steps: steps(sql, table: table))
        return try await migration.run(on: client)
    }
}

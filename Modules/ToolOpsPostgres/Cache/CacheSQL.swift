/// Every statement the cache runs, built once from its (quoted) schema and table names.
///
/// Values — namespaces, keys, tags, payloads — are always parameters, never part of the text.
struct CacheSQL: Sendable {
    let schema: SQLIdentifier
    let entries: String
    let stats: String
    let migrations: String
    let tableName: String

    let lookup: PostgresStatement
    let upsert: PostgresStatement
    let deleteKey: PostgresStatement
    let deleteNamespace: PostgresStatement
    let deleteTool: PostgresStatement
    let deleteTag: PostgresStatement
    let sweepExpired: PostgresStatement
    let trimOldest: PostgresStatement
    let sizes: PostgresStatement
    let sizesByTool: PostgresStatement
    let counters: PostgresStatement
    let addCounters: PostgresStatement
    let advisoryLock: PostgresStatement
    let advisoryUnlock: PostgresStatement

    init(schema: SQLIdentifier, table: SQLIdentifier) {
        self.schema = schema
        tableName = table.name
        entries = table.qualified(in: schema)
        stats = table.suffixed("_stats").qualified(in: schema)
        migrations = SQLIdentifier.migrationsTable.qualified(in: schema)
        lookup = PostgresStatement(
            "SELECT payload, tags, stored_at, fresh_until, stale_until FROM \(entries) "
                + "WHERE namespace = $1 AND key = $2 AND stale_until > $3")
        upsert = PostgresStatement(
            """
            INSERT INTO \(entries) (namespace, key, tool, tool_version, tags, payload, size, stored_at, fresh_until, \
            stale_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (namespace, key) DO UPDATE SET \
            tool = EXCLUDED.tool, tool_version = EXCLUDED.tool_version, tags = EXCLUDED.tags, payload = EXCLUDED.payload, \
            size = EXCLUDED.size, stored_at = EXCLUDED.stored_at, fresh_until = EXCLUDED.fresh_until, \
            stale_until = EXCLUDED.stale_until
            """)
        deleteKey = PostgresStatement("DELETE FROM \(entries) WHERE namespace = $1 AND key = $2")
        deleteNamespace = PostgresStatement("DELETE FROM \(entries) WHERE namespace = $1")
        deleteTool = PostgresStatement("DELETE FROM \(entries) WHERE namespace = $1 AND tool = $2")
        deleteTag = PostgresStatement("DELETE FROM \(entries) WHERE namespace = $1 AND tags @> ARRAY[$2::text]")
        sweepExpired = PostgresStatement(
            "DELETE FROM \(entries) WHERE ctid = ANY(ARRAY(SELECT ctid FROM \(entries) "
                + "WHERE namespace = $1 AND stale_until <= $2 LIMIT $3)) RETURNING tool")
        trimOldest = PostgresStatement(
            "DELETE FROM \(entries) WHERE ctid = ANY(ARRAY(SELECT ctid FROM \(entries) WHERE namespace = $1 "
                + "ORDER BY stored_at DESC OFFSET $2 LIMIT $3)) RETURNING tool")
        sizes = PostgresStatement(
            "SELECT count(*), coalesce(sum(size), 0)::bigint FROM \(entries) WHERE namespace = $1")
        sizesByTool = PostgresStatement(
            "SELECT tool, count(*), coalesce(sum(size), 0)::bigint FROM \(entries) WHERE namespace = $1 GROUP BY tool")
        counters = PostgresStatement(
            "SELECT tool, hits, misses, writes, evictions, expirations FROM \(stats) WHERE namespace = $1")
        addCounters = PostgresStatement(
            """
            INSERT INTO \(stats) AS s (namespace, tool, hits, misses, writes, evictions, expirations) \
            VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (namespace, tool) DO UPDATE SET \
            hits = s.hits + EXCLUDED.hits, misses = s.misses + EXCLUDED.misses, writes = s.writes + EXCLUDED.writes, \
            evictions = s.evictions + EXCLUDED.evictions, expirations = s.expirations + EXCLUDED.expirations
            """)
        // set_config runs first (a FROM subquery), so the wait is bounded by this call's timeout.
        advisoryLock = PostgresStatement(
            "SELECT pg_advisory_lock($2) FROM (SELECT set_config('lock_timeout', $1, false)) AS timeout")
        advisoryUnlock = PostgresStatement("SELECT pg_advisory_unlock($1)")
    }
}

extension SQLIdentifier {
    static let migrationsTable = try! SQLIdentifier("toolops_migrations", field: "table")
}

/// Every statement the semantic store runs, built once from its (quoted) schema and table names.
///
/// Values are always parameters. Writes take a transaction-level advisory lock on the table
/// before drawing a sequence number, so rows become visible in `seq` order: a reader that has
/// seen `seq` n never later finds a row committed with a smaller one.
struct SemanticSQL: Sendable {
    let schema: SQLIdentifier
    let records: String
    let horizon: String
    let migrations: String
    /// The name recorded in the migrations table.
    let component: String

    let insert: PostgresStatement
    let remove: PostgresStatement
    let invalidateAll: PostgresStatement
    let invalidateTool: PostgresStatement
    let invalidateTag: PostgresStatement
    let changes: PostgresStatement
    let live: PostgresStatement
    let top: PostgresStatement
    let purgedThrough: PostgresStatement
    let sweep: PostgresStatement

    /// The columns a change reads, in ``SemanticRow`` order.
    static let columns =
        "seq, id, deleted, namespace, tool, tool_version, partition, text, vector, value, tags, stored_at, "
        + "expires_at, stale_until"

    init(schema: SQLIdentifier, table: SQLIdentifier) {
        self.schema = schema
        records = table.qualified(in: schema)
        horizon = table.suffixed("_horizon").qualified(in: schema)
        migrations = SQLIdentifier.migrationsTable.qualified(in: schema)
        component = "semantic:" + table.name
        // $1, $2: the lock's two keys (see SemanticSchema.lockKeys).
        let serial = "(SELECT pg_advisory_xact_lock($1::int4, $2::int4)) AS serial"
        insert = PostgresStatement(
            """
            INSERT INTO \(records) (id, namespace, tool, tool_version, partition, text, vector, value, tags, stored_at, \
            expires_at, stale_until, changed_at) SELECT $3::bigint, $4::text, $5::text, $6::text, $7::text, $8::text, \
            $9::bytea, $10::bytea, $11::text[], $12::bigint, $13::bigint, $14::bigint, $15::bigint \
            FROM \(serial) ON CONFLICT (id) DO UPDATE SET seq = DEFAULT, deleted = false, \
            namespace = EXCLUDED.namespace, tool = EXCLUDED.tool, tool_version = EXCLUDED.tool_version, \
            partition = EXCLUDED.partition, text = EXCLUDED.text, vector = EXCLUDED.vector, value = EXCLUDED.value, \
            tags = EXCLUDED.tags, stored_at = EXCLUDED.stored_at, expires_at = EXCLUDED.expires_at, \
            stale_until = EXCLUDED.stale_until, changed_at = EXCLUDED.changed_at
            """)
        // A soft delete: the row stays (without its vector and value) so readers see the removal.
        let delete =
            "UPDATE \(records) SET deleted = true, seq = DEFAULT, vector = '', value = '', changed_at = $3::bigint "
            + "FROM \(serial) WHERE NOT deleted"
        remove = PostgresStatement(delete + " AND id = ANY($4::bigint[])")
        invalidateAll = PostgresStatement(delete + " AND stale_until > $3::bigint")
        invalidateTool = PostgresStatement(delete + " AND stale_until > $3::bigint AND tool = $4::text")
        invalidateTag = PostgresStatement(delete + " AND stale_until > $3::bigint AND tags @> ARRAY[$4::text]")
        changes = PostgresStatement(
            "SELECT \(Self.columns) FROM \(records) WHERE seq > $1 ORDER BY seq LIMIT $2")
        live = PostgresStatement(
            "SELECT \(Self.columns) FROM \(records) WHERE seq > $1 AND NOT deleted AND stale_until > $3::bigint "
                + "ORDER BY seq LIMIT $2")
        top = PostgresStatement("SELECT coalesce(max(seq), 0)::bigint FROM \(records)")
        purgedThrough = PostgresStatement("SELECT purged_seq FROM \(horizon)")
        // Purged rows move the horizon up in the same statement: a reader whose cursor is below it
        // may have missed a removal, and reloads.
        sweep = PostgresStatement(
            """
            WITH purged AS (DELETE FROM \(records) WHERE ctid = ANY(ARRAY(SELECT ctid FROM \(records) \
            WHERE (deleted AND changed_at <= $1) OR stale_until <= $1 LIMIT $2)) RETURNING seq) \
            UPDATE \(horizon) SET purged_seq = greatest(purged_seq, (SELECT coalesce(max(seq), 0) FROM purged)) \
            RETURNING (SELECT count(*) FROM purged)::bigint
            """)
    }
}

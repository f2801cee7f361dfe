import Synchronization
import ToolOpsCore

/// A ``SemanticStore`` in one PostgreSQL table, shared by every process and machine that names
/// the same table.
///
/// Every write draws the next number of the table's `seq` identity column, under a
/// transaction-level advisory lock so rows commit in `seq` order; removals and invalidations are
/// soft deletes (the row stays, marked `deleted`, with a new `seq`). ``changes(after:)`` is then
/// `WHERE seq > cursor ORDER BY seq`, at most ``Configuration/batchSize`` rows at a time; from
/// `nil` it returns every live record and the cursor to continue from.
///
/// ``sweep()`` purges removed and expired rows older than ``Configuration/retention``. A reader
/// whose cursor is older than the newest purged row may have missed a removal: it gets
/// `.invalidated(.all)` followed by every live record, and starts over from there.
///
/// The table is created on first use (or by ``prepare()``), versioned like `PostgresCache`'s.
///
/// ```swift
/// let store = try PostgresSemanticStore(configuration: .init(connectionString: url))
/// var changes = try await store.changes(after: nil)
/// changes = try await store.changes(after: changes.cursor)
/// ```
public final class PostgresSemanticStore: SemanticStore {
    /// The settings the store was created with.
    public let configuration: Configuration
    /// The pool statements go through.
    public let client: PostgresClient

    let sql: SemanticSQL
    let lockKeys: (Int64, Int64)
    private let tableName: SQLIdentifier
    private let schema: SchemaGate

    /// Checks the configuration and creates the pool; no connection opens until the first
    /// operation or ``prepare()``.
    ///
    /// - Throws: ``PostgresError`` (`invalidConnectionString`, `invalidConfiguration`) naming the
    ///   setting that is wrong.
    public init(configuration: Configuration) throws(PostgresError) {
        try configuration.validate()
        let schema = try SQLIdentifier(configuration.schema, field: "schema")
        tableName = try SQLIdentifier(configuration.table, field: "table")
        client = try PostgresClient(
            configuration: .init(
                connectionString: configuration.connectionString, poolSize: configuration.poolSize,
                connectTimeout: configuration.connectTimeout, operationTimeout: configuration.operationTimeout,
                applicationName: configuration.applicationName))
        let sql = SemanticSQL(schema: schema, table: tableName)
        self.sql = sql
        lockKeys = SemanticSchema.lockKeys(sql)
        self.configuration = configuration
        let (client, table) = (client, tableName)
        self.schema = SchemaGate { () throws(PostgresError) in
            try await SemanticSchema.migrate(client, sql: sql, table: table)
        }
    }

    deinit { client.shutdown() }

    /// Connects and creates or migrates the table now instead of on first use; returns the
    /// schema version.
    @discardableResult
    public func prepare() async throws(PostgresError) -> Int {
        try await schema.ensure()
        return SemanticSchema.currentVersion
    }

    /// Closes every connection.
    public func shutdown() { client.shutdown() }

    public func changes(after cursor: SemanticCursor?) async throws -> SemanticChanges {
        try await guarded { () throws(PostgresError) in try await self.readChanges(after: cursor) }
    }

    public func insert(_ record: SemanticRecord) async throws {
        let binds = SemanticRow.binds(record, changedAt: configuration.clock.now())
        _ = try await guarded { () throws(PostgresError) in try await self.write(self.sql.insert, binds) }
    }

    public func remove(ids: [UInt64]) async throws {
        guard !ids.isEmpty else { return }
        let now = PostgresBind.int64(configuration.clock.now().nanosecondsSinceEpoch)
        let list = PostgresBind.textArray(ids.map { String(Int64(bitPattern: $0)) })
        _ = try await guarded { () throws(PostgresError) in try await self.write(self.sql.remove, [now, list]) }
    }

    public func invalidate(_ scope: CacheScope) async throws -> Int {
        let now = PostgresBind.int64(configuration.clock.now().nanosecondsSinceEpoch)
        let (statement, binds): (PostgresStatement, [PostgresBind]) =
            switch scope {
            case .all: (sql.invalidateAll, [now])
            case .tool(let name): (sql.invalidateTool, [now, .text(name)])
            case .tag(let tag): (sql.invalidateTag, [now, .text(tag)])
            }
        return try await guarded { () throws(PostgresError) in try await self.write(statement, binds) }
    }

    /// Runs a write statement after its lock keys; returns the rows it changed.
    private func write(_ statement: PostgresStatement, _ binds: [PostgresBind]) async throws(PostgresError) -> Int {
        try await client.execute(statement, [.int64(lockKeys.0), .int64(lockKeys.1)] + binds).affectedRows
    }

    /// Runs `operation` after making sure the table exists; a table dropped meanwhile is
    /// created again on the next call.
    func guarded<T: Sendable>(_ operation: () async throws(PostgresError) -> T) async throws(PostgresError) -> T {
        try await schema.guarded(operation)
    }
}

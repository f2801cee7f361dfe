import Synchronization
import ToolOpsCore

/// A cache store in PostgreSQL, shared by every process and machine that points at the same
/// table: the scale-out engine.
///
/// Same semantics as the memory and file stores — fresh and stale expiry, tags, invalidation by
/// tag, tool or key, statistics — plus:
/// - **Schema**: created and migrated on first use (versioned; schema and table names
///   configurable). Rows carry the application's ``Configuration/namespace``: clearing one
///   application never touches another's rows.
/// - **Bounded**: writes also sweep expired rows in the background, in batches.
/// - **Cross-process coalescing**: a cold key filled by many processes at once costs one
///   upstream call — the first takes an advisory lock on the key, the others wait for it and read
///   its result (see ``fillCoordinator``).
/// - **A misbehaving database never fails a call**: errors come back as `cacheError` events and
///   the call goes live; after ``Configuration/failureThreshold`` failures in a row the store is
///   skipped for ``Configuration/retryAfter``, so a dead database adds no latency, and caching
///   resumes by itself when it is back.
///
/// ```swift
/// let cache = try PostgresCache(configuration: .init(connectionString: url, namespace: "billing"))
/// runtime.stores.register("postgres", cache)
/// let lookup = try runtime.readonly("invoice_status", options: .init(cache: "postgres")) { … }
/// ```
public final class PostgresCache: CacheStore {
    /// The settings the cache was created with.
    public let configuration: Configuration
    /// The pool lookups and writes go through.
    public let client: PostgresClient

    let table: CacheTable
    private let lockClient: PostgresClient?
    private let breaker: StoreBreaker
    private let counters = CacheCounters()
    private let schema: SchemaGate
    private let maintenance: Mutex<Maintenance>
    private let coordinator: AdvisoryLockCoordinator?

    private struct Maintenance {
        var nextSweep: Timestamp
        var nextFlush: Timestamp
        var sweeping = false
        var flushing = false
    }

    /// Checks the configuration (connection string, names, limits) and creates the pools. No
    /// connection opens until the first operation or ``prepare()``.
    ///
    /// - Throws: ``PostgresError`` (`invalidConnectionString`, `invalidConfiguration`) naming
    ///   the setting that is wrong.
    public init(configuration: Configuration) throws(PostgresError) {
        try configuration.validate()
        let schema = try SQLIdentifier(configuration.schema, field: "schema")
        let tableName = try SQLIdentifier(configuration.table, field: "table")
        let client = try PostgresClient(
            configuration: .init(
                connectionString: configuration.connectionString,
                poolSize: configuration.poolSize,
                connectTimeout: configuration.connectTimeout,
                operationTimeout: configuration.operationTimeout,
                applicationName: configuration.applicationName
            ))
        let sql = CacheSQL(schema: schema, table: tableName)
        self.configuration = configuration
        self.client = client
        self.tableName = tableName
        self.schema = SchemaGate { () throws(PostgresError) in
            try await CacheSchema.migrate(client, sql: sql, table: tableName)
        }
        table = CacheTable(client: client, sql: sql, namespace: configuration.namespace)
        breaker = StoreBreaker(
            threshold: configuration.failureThreshold, retryAfter: configuration.retryAfter, clock: configuration.clock)
        let now = configuration.clock.now()
        maintenance = Mutex(
            Maintenance(
                nextSweep: now.advanced(by: configuration.sweepInterval),
                nextFlush: now.advanced(by: configuration.statisticsFlushInterval)))
        if configuration.crossProcessCoalescing {
            let lockClient = try PostgresClient(
                configuration: .init(
                    connectionString: configuration.connectionString,
                    poolSize: configuration.lockPoolSize,
                    connectTimeout: configuration.connectTimeout,
                    operationTimeout: configuration.operationTimeout,
                    applicationName: configuration.applicationName + "-locks"
                ))
            self.lockClient = lockClient
            coordinator = AdvisoryLockCoordinator(
                lockClient: lockClient, table: table, timeout: configuration.lockTimeout,
                clock: configuration.clock, breaker: breaker)
        } else {
            lockClient = nil
            coordinator = nil
        }
    }

    private let tableName: SQLIdentifier

    deinit {
        client.shutdown()
        lockClient?.shutdown()
    }

    /// Connects and creates or migrates the schema now, instead of on first use; returns the
    /// schema version. Use it at startup to fail fast, or from a health check.
    @discardableResult
    public func prepare() async throws(PostgresError) -> Int {
        try await schema.ensure()
        return CacheSchema.currentVersion
    }

    /// Adds counted hits, misses and writes to the stats table now (it happens every
    /// ``Configuration/statisticsFlushInterval`` on its own). Call it before shutting down.
    public func flushStatistics() async throws {
        try await guarded { () throws(PostgresError) in try await self.flushCounters() }
    }

    /// Flushes statistics (best effort) and closes every connection.
    ///
    /// A store that counted nothing does not connect to flush: shutting down an unused store is
    /// immediate, even when the database is down.
    public func shutdown() async {
        if !counters.isEmpty { try? await flushStatistics() }
        client.shutdown()
        lockClient?.shutdown()
    }

    /// Whether the store is currently skipped after repeated database failures.
    public var isSkippingDatabase: Bool { breaker.isOpen }

    // MARK: - CacheStore

    public func entry(for key: CallKey) async throws -> CacheEntry? {
        let now = configuration.clock.now()
        let found = try await guarded { () throws(PostgresError) in try await self.table.lookup(key, now: now) }
        counters.add(tool: key.tool.name) { counts in
            if found == nil { counts.misses += 1 } else { counts.hits += 1 }
        }
        scheduleMaintenance(now: now)
        return found
    }

    public func store(_ entry: CacheEntry, for key: CallKey) async throws {
        try await guarded { () throws(PostgresError) in try await self.table.upsert(entry, for: key) }
        counters.add(tool: key.tool.name) { $0.writes += 1 }
        scheduleMaintenance(now: configuration.clock.now())
    }

    @discardableResult
    public func removeEntry(for key: CallKey) async throws -> Bool {
        try await guarded { () throws(PostgresError) in
            try await self.client.execute(
                self.table.sql.deleteKey, [.text(self.configuration.namespace), .bytes(key.bytes)]
            )
            .affectedRows > 0
        }
    }

    @discardableResult
    public func invalidate(_ scope: CacheScope) async throws -> Int {
        let sql = table.sql
        let namespace = PostgresBind.text(configuration.namespace)
        return try await guarded { () throws(PostgresError) in
            switch scope {
            case .all: try await self.client.execute(sql.deleteNamespace, [namespace]).affectedRows
            case .tool(let name): try await self.client.execute(sql.deleteTool, [namespace, .text(name)]).affectedRows
            case .tag(let tag): try await self.client.execute(sql.deleteTag, [namespace, .text(tag)]).affectedRows
            }
        }
    }

    @discardableResult
    public func sweep() async throws -> Int {
        try await guarded { () throws(PostgresError) in try await self.sweepRows() }
    }

    public func statistics() async throws -> CacheStatistics {
        try await toolStatistics().values.reduce(into: CacheStatistics()) { total, tool in
            total.entries += tool.entries
            total.bytes += tool.bytes
            total.hits += tool.hits
            total.misses += tool.misses
            total.writes += tool.writes
            total.evictions += tool.evictions
            total.expirations += tool.expirations
        }
    }

    /// Statistics per tool name: rows and bytes held now, and counters from every process that
    /// shares the namespace (this process's unflushed counts included).
    public func toolStatistics() async throws -> [String: CacheStatistics] {
        let sql = table.sql
        let namespace = PostgresBind.text(configuration.namespace)
        let (sizes, stored) = try await guarded { () throws(PostgresError) in
            (
                try await self.client.execute(sql.sizesByTool, [namespace]),
                try await self.client.execute(sql.counters, [namespace])
            )
        }
        var result: [String: CacheStatistics] = [:]
        for row in sizes.rows {
            let tool = try row[0].text()
            result[tool, default: CacheStatistics()].entries = Int(try row[1].int())
            result[tool, default: CacheStatistics()].bytes = Int(try row[2].int())
        }
        var counts: [String: CacheCounters.Counts] = counters.snapshot()
        for row in stored.rows {
            let stored = CacheCounters.Counts(
                hits: Int(try row[1].int()), misses: Int(try row[2].int()), writes: Int(try row[3].int()),
                evictions: Int(try row[4].int()), expirations: Int(try row[5].int()))
            counts[try row[0].text()] = (counts[try row[0].text()] ?? .init()) + stored
        }
        for (tool, count) in counts where !count.isZero || result[tool] != nil {
            result[tool, default: CacheStatistics()].hits = count.hits
            result[tool, default: CacheStatistics()].misses = count.misses
            result[tool, default: CacheStatistics()].writes = count.writes
            result[tool, default: CacheStatistics()].evictions = count.evictions
            result[tool, default: CacheStatistics()].expirations = count.expirations
        }
        return result
    }

    /// Advisory locks on the key, so one process fills a cold key and the others read its
    /// result; `nil` when ``Configuration/crossProcessCoalescing`` is off.
    public var fillCoordinator: (any CacheFillCoordinator)? { coordinator }

    // MARK: - Plumbing

    /// Runs `operation` unless the breaker is open, after making sure the schema exists; turns
    /// failures into ``CacheStoreError`` (password-free) and feeds the breaker.
    func guarded<T: Sendable>(_ operation: () async throws(PostgresError) -> T) async throws -> T {
        if let refusal = breaker.refusal() {
            throw CacheStoreError(store: "postgres", message: "\(client.connectionString.endpoint): \(refusal)")
        }
        do throws(PostgresError) {
            let value = try await schema.guarded(operation)
            breaker.recordSuccess()
            return value
        } catch {
            breaker.recordFailure(error)
            throw CacheStoreError(store: "postgres", message: error.description)
        }
    }

    /// Starts a background sweep or counter flush when one is due (never more than one of each).
    private func scheduleMaintenance(now: Timestamp) {
        let (sweep, flush) = maintenance.withLock { state -> (Bool, Bool) in
            let sweep = !state.sweeping && now >= state.nextSweep
            let flush = !state.flushing && now >= state.nextFlush
            if sweep {
                state.sweeping = true
                state.nextSweep = now.advanced(by: configuration.sweepInterval)
            }
            if flush {
                state.flushing = true
                state.nextFlush = now.advanced(by: configuration.statisticsFlushInterval)
            }
            return (sweep, flush)
        }
        guard sweep || flush else { return }
        Task { [self] in
            if sweep {
                _ = try? await self.sweep()
                maintenance.withLock { $0.sweeping = false }
            }
            if flush {
                try? await flushStatistics()
                maintenance.withLock { $0.flushing = false }
            }
        }
    }

    private func sweepRows() async throws(PostgresError) -> Int {
        let sql = table.sql
        let namespace = PostgresBind.text(configuration.namespace)
        let now = configuration.clock.now()
        var removed = 0
        // Batches, so a sweep never holds many row locks at once.
        while true {
            let batch = try await client.execute(
                sql.sweepExpired,
                [namespace, .int64(now.nanosecondsSinceEpoch), .int64(Int64(configuration.sweepBatch))])
            for row in batch.rows { counters.add(tool: try row[0].text()) { $0.expirations += 1 } }
            removed += batch.count
            if batch.count < configuration.sweepBatch { break }
        }
        if let maxEntries = configuration.maxEntries {
            while true {
                let batch = try await client.execute(
                    sql.trimOldest, [namespace, .int64(Int64(maxEntries)), .int64(Int64(configuration.sweepBatch))])
                for row in batch.rows { counters.add(tool: try row[0].text()) { $0.evictions += 1 } }
                if batch.count < configuration.sweepBatch { break }
            }
        }
        return removed
    }

    private func flushCounters() async throws(PostgresError) {
        let pending = counters.drain()
        var remaining = pending
        do throws(PostgresError) {
            for (tool, counts) in pending.sorted(by: { $0.key < $1.key }) where !counts.isZero {
                _ = try await client.execute(
                    table.sql.addCounters,
                    [
                        .text(configuration.namespace), .text(tool), .int64(Int64(counts.hits)),
                        .int64(Int64(counts.misses)), .int64(Int64(counts.writes)), .int64(Int64(counts.evictions)),
                        .int64(Int64(counts.expirations)),
                    ])
                remaining[tool] = nil
            }
        } catch {
            counters.restore(remaining)
            throw error
        }
    }
}

import ToolOpsCore

extension PostgresCache {
    /// Where the cache lives and how it behaves when the database misbehaves.
    ///
    /// ```swift
    /// let cache = try PostgresCache(configuration: .init(
    ///     connectionString: ProcessInfo.processInfo.environment["TOOLOPS_POSTGRES_URL"]!,
    ///     namespace: "billing-agent"))
    /// ```
    public struct Configuration: Sendable, CustomStringConvertible, CustomReflectable {
        /// Anything libpq accepts (URI or key-value, TLS options included).
        public var connectionString: String
        /// The application's namespace: every row carries it, and `invalidate(.all)` removes only
        /// this namespace's rows. Default "default".
        public var namespace: String
        /// The schema holding the tables, created if missing. Default "toolops".
        public var schema: String
        /// The entries table; statistics go to `<table>_stats`. Default "cache_entries".
        public var table: String
        /// Connections for lookups and writes. Default 8.
        public var poolSize: Int
        /// Connections that hold cross-process fill locks (one per key being filled). Default 4.
        public var lockPoolSize: Int
        /// Whether processes sharing the table coordinate fills through advisory locks, so a cold
        /// key costs one upstream call in total. Default on.
        public var crossProcessCoalescing: Bool
        /// The longest a process waits for another's fill before calling the upstream itself. Default 30 s.
        public var lockTimeout: Duration
        /// How long to wait for the server when connecting. Default 5 s.
        public var connectTimeout: Duration
        /// The longest one lookup or write may wait for the server; past it the operation fails
        /// (a miss, a `cacheError` event) and counts toward the store's breaker, so a database
        /// that stops answering cannot hang calls. Default 5 s.
        public var operationTimeout: Duration
        /// `application_name` in `pg_stat_activity` (lock connections add `-locks`), unless the
        /// connection string sets one. Default "toolops".
        public var applicationName: String
        /// How often writes also delete expired rows (in the background). Default 60 s.
        public var sweepInterval: Duration
        /// Rows deleted per sweep statement, so a sweep never holds locks for long. Default 1000.
        public var sweepBatch: Int
        /// Keep at most this many rows in the namespace (oldest dropped on sweep); `nil` (the
        /// default) bounds the table by expiry alone.
        public var maxEntries: Int?
        /// How often hit and miss counters are added to the stats table. Default 5 s.
        public var statisticsFlushInterval: Duration
        /// Failures in a row after which the store is skipped (calls go live without waiting on a
        /// dead database). Default 3.
        public var failureThreshold: Int
        /// How long the store is skipped before one probe tries it again. Default 5 s.
        public var retryAfter: Duration
        /// The clock for expiry, sweeps and the store's breaker.
        public var clock: any ToolClock

        public init(
            connectionString: String,
            namespace: String = "default",
            schema: String = "toolops",
            table: String = "cache_entries",
            poolSize: Int = 8,
            lockPoolSize: Int = 4,
            crossProcessCoalescing: Bool = true,
            lockTimeout: Duration = .seconds(30),
            connectTimeout: Duration = .seconds(5),
            operationTimeout: Duration = .seconds(5),
            applicationName: String = "toolops",
            sweepInterval: Duration = .seconds(60),
            sweepBatch: Int = 1000,
            maxEntries: Int? = nil,
            statisticsFlushInterval: Duration = .seconds(5),
            failureThreshold: Int = 3,
            retryAfter: Duration = .seconds(5),
            clock: any ToolClock = SystemClock()
        ) {
            self.connectionString = connectionString
            self.namespace = namespace
            self.schema = schema
            self.table = table
            self.poolSize = poolSize
            self.lockPoolSize = lockPoolSize
            self.crossProcessCoalescing = crossProcessCoalescing
            self.lockTimeout = lockTimeout
            self.connectTimeout = connectTimeout
            self.operationTimeout = operationTimeout
            self.applicationName = applicationName
            self.sweepInterval = sweepInterval
            self.sweepBatch = sweepBatch
            self.maxEntries = maxEntries
            self.statisticsFlushInterval = statisticsFlushInterval
            self.failureThreshold = failureThreshold
            self.retryAfter = retryAfter
            self.clock = clock
        }

        /// The settings with the connection string's password masked.
        public var description: String {
            "PostgresCache.Configuration(connectionString: \(ConnectionString.mask(connectionString)), "
                + "namespace: \(namespace), schema: \(schema), table: \(table), poolSize: \(poolSize), "
                + "lockPoolSize: \(lockPoolSize), crossProcessCoalescing: \(crossProcessCoalescing), "
                + "lockTimeout: \(lockTimeout), operationTimeout: \(operationTimeout))"
        }

        /// What `dump` and debuggers show: the password masked.
        public var customMirror: Mirror {
            Mirror(
                self,
                children: [
                    "connectionString": ConnectionString.mask(connectionString), "namespace": namespace,
                    "schema": schema, "table": table, "poolSize": poolSize, "lockPoolSize": lockPoolSize,
                    "crossProcessCoalescing": crossProcessCoalescing, "lockTimeout": lockTimeout,
                    "operationTimeout": operationTimeout, "applicationName": applicationName,
                ])
        }

        func validate() throws(PostgresError) {
            func check(_ condition: Bool, _ message: String) throws(PostgresError) {
                if !condition { throw PostgresError(.invalidConfiguration, message) }
            }
            try check(!namespace.isEmpty, "namespace must not be empty")
            try check((1...1000).contains(lockPoolSize), "lockPoolSize must be between 1 and 1000, got \(lockPoolSize)")
            try check(lockTimeout > .zero, "lockTimeout must be positive, got \(lockTimeout)")
            try check(sweepInterval > .zero, "sweepInterval must be positive, got \(sweepInterval)")
            try check(sweepBatch > 0, "sweepBatch must be positive, got \(sweepBatch)")
            try check(maxEntries.map { $0 > 0 } ?? true, "maxEntries must be positive, got \(maxEntries ?? 0)")
            try check(statisticsFlushInterval >= .zero, "statisticsFlushInterval must not be negative")
            try check(failureThreshold > 0, "failureThreshold must be positive, got \(failureThreshold)")
            try check(retryAfter > .zero, "retryAfter must be positive, got \(retryAfter)")
        }
    }
}

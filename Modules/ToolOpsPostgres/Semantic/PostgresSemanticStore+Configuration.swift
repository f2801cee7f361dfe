import ToolOpsCore

extension PostgresSemanticStore {
    /// Where the semantic store lives, how much a read returns, and how long removals are kept.
    ///
    /// ```swift
    /// let store = try PostgresSemanticStore(configuration: .init(
    ///     connectionString: ProcessInfo.processInfo.environment["TOOLOPS_POSTGRES_URL"]!,
    ///     table: "billing_semantic"))
    /// ```
    public struct Configuration: Sendable, CustomStringConvertible, CustomReflectable {
        /// Anything libpq accepts (URI or key-value, TLS options included).
        public var connectionString: String
        /// The schema holding the table, created if missing. Default "toolops".
        public var schema: String
        /// The records table (and `<table>_horizon` next to it). It is the store: processes
        /// share records by naming the same table, and `invalidate(.all)` empties it. Default
        /// "semantic_records".
        public var table: String
        /// Connections. Default 4.
        public var poolSize: Int
        /// How long to wait for the server when connecting. Default 5 s.
        public var connectTimeout: Duration
        /// The longest one statement may wait for the server. Default 5 s.
        public var operationTimeout: Duration
        /// `application_name` in `pg_stat_activity`, unless the connection string sets one. Default "toolops".
        public var applicationName: String
        /// The most rows one ``PostgresSemanticStore/changes(after:)`` returns after a cursor
        /// (a load from the beginning returns everything). Default 1000.
        public var batchSize: Int
        /// How long removed and expired rows stay before ``PostgresSemanticStore/sweep()`` purges
        /// them: readers that poll less often than this reload everything. Default 1 hour.
        public var retention: Duration
        /// The clock for expiry and retention.
        public var clock: any ToolClock

        public init(
            connectionString: String,
            schema: String = "toolops",
            table: String = "semantic_records",
            poolSize: Int = 4,
            connectTimeout: Duration = .seconds(5),
            operationTimeout: Duration = .seconds(5),
            applicationName: String = "toolops",
            batchSize: Int = 1000,
            retention: Duration = .seconds(3600),
            clock: any ToolClock = SystemClock()
        ) {
            self.connectionString = connectionString
            self.schema = schema
            self.table = table
            self.poolSize = poolSize
            self.connectTimeout = connectTimeout
            self.operationTimeout = operationTimeout
            self.applicationName = applicationName
            self.batchSize = batchSize
            self.retention = retention
            self.clock = clock
        }

        /// The settings with the connection string's password masked.
        public var description: String {
            "PostgresSemanticStore.Configuration(connectionString: \(ConnectionString.mask(connectionString)), "
                + "schema: \(schema), table: \(table), poolSize: \(poolSize), batchSize: \(batchSize), "
                + "retention: \(retention))"
        }

        /// What `dump` and debuggers show: the password masked.
        public var customMirror: Mirror {
            Mirror(
                self,
                children: [
                    "connectionString": ConnectionString.mask(connectionString), "schema": schema, "table": table,
                    "poolSize": poolSize, "batchSize": batchSize, "retention": retention,
                ])
        }

        func validate() throws(PostgresError) {
            guard batchSize > 0 else {
                throw PostgresError(.invalidConfiguration, "batchSize must be positive, got \(batchSize)")
            }
            guard retention >= .zero else {
                throw PostgresError(.invalidConfiguration, "retention must not be negative, got \(retention)")
            }
        }
    }
}

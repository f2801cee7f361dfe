extension PostgresClient {
    /// How the client connects and how many connections it keeps.
    ///
    /// ```swift
    /// let client = try PostgresClient(configuration: .init(
    ///     connectionString: "postgresql://app:secret@db:5432/app?sslmode=require",
    ///     poolSize: 8))
    /// ```
    public struct Configuration: Sendable, CustomStringConvertible, CustomReflectable {
        /// Anything libpq accepts: a `postgresql://` URI or `key=value` pairs, TLS options included.
        public var connectionString: String
        /// Connections (and worker threads) in the pool. Default 8.
        public var poolSize: Int
        /// How long to wait for the server when connecting. Default 5 s (libpq rounds up to whole seconds).
        public var connectTimeout: Duration
        /// The longest one round trip may take (a lock wait has its own bound); past it the
        /// statement fails with `timedOut` and its connection is closed, so a server that stops
        /// answering cannot hang callers. Default 10 s.
        public var operationTimeout: Duration
        /// `application_name` reported to the server (`pg_stat_activity`), unless the connection
        /// string sets one. Default "toolops".
        public var applicationName: String

        public init(
            connectionString: String,
            poolSize: Int = 8,
            connectTimeout: Duration = .seconds(5),
            operationTimeout: Duration = .seconds(10),
            applicationName: String = "toolops"
        ) {
            self.connectionString = connectionString
            self.poolSize = poolSize
            self.connectTimeout = connectTimeout
            self.operationTimeout = operationTimeout
            self.applicationName = applicationName
        }

        /// The settings with the connection string's password masked.
        public var description: String {
            "PostgresClient.Configuration(connectionString: \(ConnectionString.mask(connectionString)), "
                + "poolSize: \(poolSize), connectTimeout: \(connectTimeout), operationTimeout: \(operationTimeout), "
                + "applicationName: \(applicationName))"
        }

        /// What `dump` and debuggers show: the password masked.
        public var customMirror: Mirror {
            Mirror(
                self,
                children: [
                    "connectionString": ConnectionString.mask(connectionString), "poolSize": poolSize,
                    "connectTimeout": connectTimeout, "operationTimeout": operationTimeout,
                    "applicationName": applicationName,
                ])
        }
    }
}

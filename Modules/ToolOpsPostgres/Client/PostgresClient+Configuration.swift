extension PostgresClient {
    /// How the client connects and how many connections it keeps.
    ///
    /// ```swift
    /// let client = try PostgresClient(configuration: .init(
    ///     connectionString: "postgresql://app:secret@db:5432/app?sslmode=require",
    ///     poolSize: 8))
    /// ```
    public struct Configuration: Sendable {
        /// Anything libpq accepts: a `postgresql://` URI or `key=value` pairs, TLS options included.
        public var connectionString: String
        /// Connections (and worker threads) in the pool. Default 8.
        public var poolSize: Int
        /// How long to wait for the server when connecting. Default 5 s (libpq rounds up to whole seconds).
        public var connectTimeout: Duration
        /// `application_name` reported to the server (`pg_stat_activity`), unless the connection
        /// string sets one. Default "toolops".
        public var applicationName: String

        public init(
            connectionString: String,
            poolSize: Int = 8,
            connectTimeout: Duration = .seconds(5),
            applicationName: String = "toolops"
        ) {
            self.connectionString = connectionString
            self.poolSize = poolSize
            self.connectTimeout = connectTimeout
            self.applicationName = applicationName
        }
    }
}

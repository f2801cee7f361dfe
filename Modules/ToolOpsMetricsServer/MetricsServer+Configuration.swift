extension MetricsServer {
    /// Where a ``MetricsServer`` listens and at which path it serves the exposition.
    ///
    /// The defaults serve `http://127.0.0.1:9464/metrics`: the loopback interface only, on the
    /// port OpenTelemetry and Prometheus exporters conventionally use. A Prometheus server on
    /// another machine cannot reach the loopback interface; to expose the endpoint, listen on
    /// `"0.0.0.0"` (every IPv4 interface), `"::"` (every interface) or one interface's address,
    /// and keep the port behind a firewall: the metrics are served without authentication.
    ///
    /// ```swift
    /// let local = MetricsServer.Configuration()  // 127.0.0.1:9464/metrics
    /// let exposed = MetricsServer.Configuration(host: "0.0.0.0", port: 9464)
    /// let ephemeral = MetricsServer.Configuration(port: 0)  // start() returns the port chosen
    /// ```
    ///
    /// ``MetricsServer/start()`` checks the configuration with ``validate()`` before binding.
    public struct Configuration: Sendable, Hashable {
        /// The address or host name to listen on. Default `"127.0.0.1"`, this machine only.
        public var host: String
        /// The TCP port to listen on, `0...65535`. Default ``defaultPort``; `0` lets the operating
        /// system choose a free port, which ``MetricsServer/start()`` returns.
        public var port: Int
        /// The path that serves the exposition; it starts with `/`. Default `"/metrics"`.
        ///
        /// Query strings are ignored when matching, so `/metrics?name[]=x` is served too.
        /// `/healthz` is reserved for the health check.
        public var path: String
        /// How long a connection may stay without a request before the server closes it.
        /// Default two minutes: longer than the usual scrape intervals, so a scraper's keep-alive
        /// connection is reused, while abandoned connections do not pile up.
        public var idleTimeout: Duration

        /// The port OpenTelemetry and Prometheus exporters conventionally listen on: 9464.
        public static let defaultPort = 9464

        /// The path of the health check, which answers `200 ok` while the server runs.
        public static let healthPath = "/healthz"

        /// A configuration; every parameter has a default.
        public init(
            host: String = "127.0.0.1",
            port: Int = Self.defaultPort,
            path: String = "/metrics",
            idleTimeout: Duration = .seconds(120)
        ) {
            self.host = host
            self.port = port
            self.path = path
            self.idleTimeout = idleTimeout
        }
    }
}

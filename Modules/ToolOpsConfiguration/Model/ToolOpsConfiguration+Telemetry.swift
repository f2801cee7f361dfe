import Logging
import ToolOps

extension ToolOpsConfiguration {
    /// Logs, metrics, statistics and tracing (the `telemetry` section).
    ///
    /// ``makeTelemetry(metricsFactory:clock:label:)`` turns it into the telemetry of a tool
    /// environment.
    ///
    /// ```yaml
    /// telemetry:
    ///   log_level: warning
    ///   log_file: stderr
    ///   metrics_prefix: toolops
    ///   tracing: true
    ///   statistics_window: 5m
    ///   cost_per_call: {search_docs: 0.002}
    /// ```
    public struct Telemetry: Sendable, Equatable {
        /// The lowest level of log records written. Default `.warning`.
        public var logLevel: Logger.Level
        /// The file JSON log lines are appended to; `nil` (written `stderr`) for standard error.
        public var logFile: String?
        /// The first part of every metric name (`toolops_calls_total`): letters, digits, `_` and
        /// `:`, not starting with a digit. Default `"toolops"`.
        public var metricsPrefix: String
        /// Whether tool calls are traced. Default `true`.
        ///
        /// ``makeTelemetry(metricsFactory:clock:label:)`` then includes a ``ToolTracer`` writing to
        /// the tracer bootstrapped in `InstrumentationSystem`; nothing is recorded until the
        /// application bootstraps one (swift-otel's, for instance).
        public var tracing: Bool
        /// The rolling window of per-tool statistics (hit rates, latencies, cost saved). Default 5 minutes.
        public var statisticsWindow: Duration
        /// What one upstream call of a tool costs, by tool name, in any unit (dollars, tokens);
        /// the statistics report what the cache saved. Default none.
        public var costPerCall: [String: Double]

        /// Telemetry settings; each one as documented on its property unless given.
        public init(
            logLevel: Logger.Level = .warning,
            logFile: String? = nil,
            metricsPrefix: String = "toolops",
            tracing: Bool = true,
            statisticsWindow: Duration = .seconds(300),
            costPerCall: [String: Double] = [:]
        ) {
            self.logLevel = logLevel
            self.logFile = logFile
            self.metricsPrefix = metricsPrefix
            self.tracing = tracing
            self.statisticsWindow = statisticsWindow
            self.costPerCall = costPerCall
        }
    }
}

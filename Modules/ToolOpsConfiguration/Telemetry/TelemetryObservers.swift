import ToolOps
import ToolOpsTelemetry

/// The observers a configuration's `telemetry` section describes, ready for a tool environment.
///
/// ```swift
/// let telemetry = try configuration.telemetry.makeObservers()
/// let environment = ToolEnvironment(observer: telemetry.observer)
/// // later: telemetry.statistics.snapshot()
/// ```
public struct TelemetryObservers: Sendable {
    /// JSON log lines at the configured level, to standard error or the configured file.
    public let logging: ToolLoggingObserver
    /// swift-metrics counters and timers under the configured prefix.
    public let metrics: ToolMetricsObserver
    /// Rolling per-tool statistics over the configured window, with the configured costs.
    public let statistics: ToolStatisticsObserver

    /// The three observers.
    public init(logging: ToolLoggingObserver, metrics: ToolMetricsObserver, statistics: ToolStatisticsObserver) {
        self.logging = logging
        self.metrics = metrics
        self.statistics = statistics
    }

    /// One observer forwarding every event to ``logging``, ``metrics`` and ``statistics``.
    public var observer: MultiplexObserver {
        MultiplexObserver([logging, metrics, statistics])
    }
}

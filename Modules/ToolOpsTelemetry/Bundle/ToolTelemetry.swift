import CoreMetrics
import Logging
import ToolOpsCore

/// Logs, metrics, rolling statistics and traces for every tool of an environment, in one value.
///
/// Each part is optional except the in-process statistics, which cost a lock and a few counters
/// per event and answer `toolops stats`-style questions from code:
///
/// ```swift
/// let prometheus = ToolOpsPrometheus()
/// let telemetry = ToolTelemetry(
///     logger: Logger(label: "toolops"),             // summaries and notable events
///     metricsFactory: prometheus.factory,           // or nil for MetricsSystem.factory
///     tracer: ToolTracer()                          // spans to InstrumentationSystem.tracer
/// )
/// let runtime = ToolRuntime(environment: ToolEnvironment(telemetry: telemetry))
/// // …
/// for tool in telemetry.statistics.snapshot() {
///     print(tool.tool.name, tool.window.hitRate ?? 0, tool.window.latency?.p95 ?? .zero)
/// }
/// ```
public struct ToolTelemetry: Sendable {
    /// Per-tool rolling statistics, readable in process.
    public let statistics: ToolStatisticsObserver
    /// The swift-log observer, when a logger was given.
    public let logging: ToolLoggingObserver?
    /// The swift-metrics observer, unless metrics were turned off.
    public let metrics: ToolMetricsObserver?
    /// The tracer, unless tracing was turned off.
    public let tracer: ToolTracer?
    /// Every observer above, in one.
    public let observer: any ToolObserver

    /// Assembles the telemetry.
    ///
    /// - Parameters:
    ///   - logger: Where call summaries and notable events go; `nil` for no logs.
    ///   - logging: Levels and argument logging of the log records.
    ///   - metrics: Whether to record swift-metrics at all. Default on.
    ///   - metricsFactory: Where metrics go; `nil` for whatever `MetricsSystem` was bootstrapped with.
    ///   - metricsPrefix: The prefix of every metric name. Default `"toolops"`.
    ///   - tracer: The tracer, or `nil` for no spans. Default ``ToolTracer/init(tracer:configuration:)``
    ///     writing to `InstrumentationSystem.tracer` (free when nothing is bootstrapped).
    ///   - statistics: Window, buckets and per-call cost of the rolling statistics.
    public init(
        logger: Logger? = nil,
        logging: ToolLoggingObserver.Configuration = ToolLoggingObserver.Configuration(),
        metrics: Bool = true,
        metricsFactory: (any MetricsFactory)? = nil,
        metricsPrefix: String = "toolops",
        tracer: ToolTracer? = ToolTracer(),
        statistics: ToolStatisticsObserver.Configuration = ToolStatisticsObserver.Configuration()
    ) {
        self.statistics = ToolStatisticsObserver(configuration: statistics)
        self.logging = logger.map { ToolLoggingObserver(logger: $0, configuration: logging) }
        self.metrics =
            metrics
            ? ToolMetricsObserver(
                configuration: .init(factory: metricsFactory ?? MetricsSystem.factory, prefix: metricsPrefix))
            : nil
        self.tracer = tracer
        var observers: [any ToolObserver] = [self.statistics]
        if let metrics = self.metrics { observers.append(metrics) }
        if let logging = self.logging { observers.append(logging) }
        observer = MultiplexObserver(observers)
    }
}

extension ToolEnvironment {
    /// An environment whose events and spans go to `telemetry`, plus any `observers` of your own.
    ///
    /// ```swift
    /// ToolEnvironment(telemetry: ToolTelemetry(logger: Logger(label: "toolops")))
    /// ```
    public init(
        clock: any ToolClock = SystemClock(),
        random: any RandomSource = SystemRandom(),
        telemetry: ToolTelemetry,
        observers: [any ToolObserver] = []
    ) {
        self.init(
            clock: clock,
            random: random,
            observer: observers.isEmpty ? telemetry.observer : MultiplexObserver([telemetry.observer] + observers),
            tracing: telemetry.tracer
        )
    }
}

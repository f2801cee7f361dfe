import CoreMetrics
import Logging
import ToolOps
import ToolOpsTelemetry

extension ToolOpsConfiguration.Telemetry {
    /// The telemetry these settings describe, ready for a tool environment: JSON log lines at
    /// ``logLevel`` to ``logFile`` (standard error when `nil`), metrics under ``metricsPrefix``,
    /// rolling statistics over ``statisticsWindow`` with ``costPerCall``, and — when ``tracing``
    /// is on — a ``ToolTracer`` writing to the tracer bootstrapped in `InstrumentationSystem`
    /// (none recorded if nothing is bootstrapped).
    ///
    /// No backend is bootstrapped here: metrics go to `metricsFactory`, spans to whatever tracer
    /// the application bootstrapped before calling this.
    ///
    /// ```swift
    /// let configuration = try ToolOpsConfiguration.load()
    /// let telemetry = try configuration.telemetry.makeTelemetry(metricsFactory: prometheus.factory)
    /// let runtime = try ToolRuntime(configuration: configuration, environment: ToolEnvironment(telemetry: telemetry))
    /// ```
    ///
    /// - Throws: ``ConfigurationError`` at `telemetry.log_file` when the log file cannot be opened.
    public func makeTelemetry(
        metricsFactory: any MetricsFactory = MetricsSystem.factory,
        clock: any ToolClock = SystemClock(),
        label: String = "toolops"
    ) throws(ConfigurationError) -> ToolTelemetry {
        let sink: FileDescriptorSink
        if let logFile {
            do {
                sink = try FileDescriptorSink(appendingTo: logFile)
            } catch {
                throw ConfigurationError(key: "telemetry.log_file", message: error.description)
            }
        } else {
            sink = FileDescriptorSink.standardError
        }
        let handlerConfiguration = JSONLinesLogHandler.Configuration(clock: clock, logLevel: logLevel)
        let logger = Logger(label: label) { label in
            JSONLinesLogHandler(label: label, sink: sink, configuration: handlerConfiguration)
        }
        return ToolTelemetry(
            logger: logger,
            metricsFactory: metricsFactory,
            metricsPrefix: metricsPrefix,
            tracer: tracing ? ToolTracer() : nil,
            // Thirty buckets per window, the proportions of the observer's own defaults (5 min / 10 s).
            statistics: .init(window: statisticsWindow, bucketWidth: statisticsWindow / 30, costPerCall: costPerCall)
        )
    }
}

import CoreMetrics
import Logging
import ToolOps
import ToolOpsTelemetry

extension ToolOpsConfiguration.Telemetry {
    /// The observers these settings describe: a ``ToolLoggingObserver`` writing JSON lines at
    /// ``logLevel`` to ``logFile`` (standard error when `nil`), a ``ToolMetricsObserver`` under
    /// ``metricsPrefix``, and a ``ToolStatisticsObserver`` over ``statisticsWindow`` with
    /// ``costPerCall``.
    ///
    /// No tracer is built (``tracing`` is for the application that sets one up), and no
    /// metrics backend is bootstrapped: metrics go to `metricsFactory`.
    ///
    /// ```swift
    /// MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    /// let telemetry = try configuration.telemetry.makeObservers()
    /// ```
    ///
    /// - Throws: ``ConfigurationError`` at `telemetry.log_file` when the log file cannot be opened.
    public func makeObservers(
        metricsFactory: any MetricsFactory = MetricsSystem.factory,
        clock: any ToolClock = SystemClock(),
        label: String = "toolops"
    ) throws(ConfigurationError) -> TelemetryObservers {
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
        return TelemetryObservers(
            logging: ToolLoggingObserver(logger: logger),
            metrics: ToolMetricsObserver(configuration: .init(factory: metricsFactory, prefix: metricsPrefix)),
            // Thirty buckets per window, the proportions of the observer's own defaults (5 min / 10 s).
            statistics: ToolStatisticsObserver(
                configuration: .init(
                    window: statisticsWindow, bucketWidth: statisticsWindow / 30, costPerCall: costPerCall))
        )
    }
}

import CoreMetrics
import Prometheus

/// A Prometheus registry and swift-metrics backend set up for ToolOps, and the text it exposes.
///
/// It owns a swift-prometheus `PrometheusCollectorRegistry` and a `PrometheusMetricsFactory` that
/// writes into it. Hand ``factory`` to a ``ToolMetricsObserver`` (or bootstrap it globally), then
/// serve ``exposition()`` — or ``write(into:)`` for a reusable byte buffer — with
/// ``contentType`` from whatever HTTP endpoint scrapes it; serving is left to the caller.
///
/// The factory maps swift-metrics types onto Prometheus ones as follows: counters become
/// `counter`s, meters and gauges become `gauge`s, and timers become `histogram`s whose `le`
/// bounds, `_sum` and samples are in seconds, whatever display unit the timer asks for. Every timer
/// uses ``Configuration/durationBuckets`` — latency buckets from 0.5 ms to 60 s by default, sized
/// for tool calls rather than swift-prometheus's 5 ms–10 s web-request defaults. Label values
/// are escaped (`\\`, `\"`, `\n`) as the text format requires. The factory emits no `# HELP`
/// lines: swift-metrics has no place for help text.
///
/// ```swift
/// let prometheus = ToolOpsPrometheus()
/// let metrics = ToolMetricsObserver(configuration: .init(factory: prometheus.factory))
/// // … on each scrape:
/// let body = prometheus.exposition()  // served as ToolOpsPrometheus.contentType
/// ```
public struct ToolOpsPrometheus: Sendable {
    /// The `Content-Type` of ``exposition()``'s text: the Prometheus text format, version 0.0.4.
    ///
    /// ```swift
    /// response.headers[.contentType] = ToolOpsPrometheus.contentType
    /// ```
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// The configuration the exporter was created with.
    public let configuration: Configuration
    /// The registry that holds every metric made through ``factory``.
    ///
    /// Register other collectors here to expose them alongside the ToolOps metrics.
    public let registry: PrometheusCollectorRegistry
    private let prometheusFactory: PrometheusMetricsFactory

    /// Creates an exporter over `registry`, a new, empty one by default.
    ///
    /// ```swift
    /// let prometheus = ToolOpsPrometheus(configuration: .init(durationBuckets: [.milliseconds(10), .seconds(1)]))
    /// ```
    public init(
        registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        configuration: Configuration = Configuration()
    ) {
        self.configuration = configuration
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = configuration.durationBuckets
        prometheusFactory = factory
    }

    /// The swift-metrics backend that records into ``registry``.
    ///
    /// Pass it to an observer, or bootstrap it for the whole process; either way no global state is
    /// needed to read the metrics back, since ``exposition()`` reads ``registry`` directly.
    ///
    /// ```swift
    /// let metrics = ToolMetricsObserver(configuration: .init(factory: prometheus.factory))
    /// // or: MetricsSystem.bootstrap(prometheus.factory)
    /// ```
    public var factory: any MetricsFactory { prometheusFactory }

    /// The current value of every metric in ``registry``, in the Prometheus text format 0.0.4.
    ///
    /// Each metric family gets one `# TYPE` line followed by its samples; families come in no
    /// particular order.
    ///
    /// ```swift
    /// print(prometheus.exposition())
    /// // # TYPE toolops_calls_total counter
    /// // toolops_calls_total{tool="search",version="1",outcome="success"} 3
    /// ```
    public func exposition() -> String {
        var buffer: [UInt8] = []
        write(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Appends ``exposition()``'s text, as UTF-8, to `buffer`.
    ///
    /// The buffer is not cleared first, so callers that reuse one across scrapes keep its capacity
    /// by calling `removeAll(keepingCapacity: true)` before each call.
    ///
    /// ```swift
    /// buffer.removeAll(keepingCapacity: true)
    /// prometheus.write(into: &buffer)
    /// ```
    public func write(into buffer: inout [UInt8]) {
        registry.emit(into: &buffer)
    }
}

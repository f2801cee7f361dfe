import CoreMetrics
import Synchronization
import ToolOpsCore

/// An observer that records tool calls as swift-metrics counters, timers, gauges and meters.
///
/// Plug it into a tool environment and bootstrap any swift-metrics backend (Prometheus,
/// StatsD, OpenTelemetry…) to export what the tools do. Names are Prometheus-style, under
/// ``Configuration/prefix`` (`toolops` by default). Every metric has the dimensions `tool` (the
/// tool's name) and `version` (unless ``Configuration/includeVersion`` is off), plus:
///
/// | Metric | Type | Extra dimensions | Recorded on |
/// |---|---|---|---|
/// | `toolops_calls_total` | counter | `outcome` = `success` \| `failure` | `succeeded`, `failed` |
/// | `toolops_call_duration_seconds` | timer | `outcome` = `success` \| `failure` | `succeeded`, `failed` |
/// | `toolops_in_flight_calls` | meter | — | +1 `started`, −1 `succeeded` / `failed` |
/// | `toolops_failures_total` | counter | `code` (`timeout`, `circuitOpen`, `upstream`, …) | `failed` |
/// | `toolops_rejections_total` | counter | `reason` (`circuitOpen`, `rateLimited`, `bulkheadFull`, …) | `rejected` |
/// | `toolops_cache_lookups_total` | counter | `store`, `result` = `hit` \| `miss` | `cacheHit`, `cacheMiss` |
/// | `toolops_cache_stale_served_total` | counter | `store` | `staleServed` |
/// | `toolops_cache_writes_total` | counter | `store` | `cacheWritten` |
/// | `toolops_cache_errors_total` | counter | `store` | `cacheError` |
/// | `toolops_coalesced_total` | counter | `scope` = `process` \| `remote` | `coalesced`, `coalescedRemote` |
/// | `toolops_upstream_calls_total` | counter | — | `upstreamCalled` |
/// | `toolops_retries_total` | counter | — | `retry` |
/// | `toolops_timeouts_total` | counter | — | `timedOut` |
/// | `toolops_fallbacks_total` | counter | — | `fallbackUsed` |
/// | `toolops_breaker_state` | gauge | — | `breakerTransition`: 0 closed, 1 half-open, 2 open |
/// | `toolops_breaker_transitions_total` | counter | `to` = `closed` \| `halfOpen` \| `open` | `breakerTransition` |
///
/// The timer records nanoseconds and asks the backend to display seconds. Codes are
/// ``ToolOpsCore/ToolError/Code-swift.struct``'s descriptions. Label cardinality stays
/// bounded: values come only from tool names and versions, store names, error codes and the fixed
/// sets above — never from keys, arguments, call ids or session ids.
///
/// Observation is on every call's hot path. Each metric object is created through the factory
/// once, the first time its series is needed, and cached for the observer's lifetime; after that an
/// event costs one short lock, a lookup by tool (a comparison when the previous event was for the
/// same tool, a hash otherwise) and the backend's own update, with no factory call and no
/// allocation. The cache holds at most one entry per tool (per name when
/// versions are not included), each with a fixed set of metrics plus one per store and error code
/// seen, so its size is bounded by the tools you declare, not by traffic.
///
/// ```swift
/// MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
/// let metrics = ToolMetricsObserver()
/// let environment = ToolEnvironment(observer: MultiplexObserver([metrics, statistics]))
/// ```
public final class ToolMetricsObserver: ToolObserver {
    /// The configuration the observer was created with.
    public let configuration: Configuration
    let maker: MetricsInstrumentMaker
    /// Each tool's metrics, by ``MetricsInstrumentMaker/cacheKey(for:)``.
    let table = Mutex(MetricsInstrumentTable())

    /// Creates an observer; no metric is created until an event needs it.
    ///
    /// ```swift
    /// let metrics = ToolMetricsObserver(configuration: .init(factory: TestMetrics()))
    /// ```
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        maker = MetricsInstrumentMaker(configuration: configuration)
    }

    /// Records one event in the metrics the table in the type's documentation lists.
    public func observe(_ event: ToolEvent) {
        let tool = event.tool
        switch event.kind {
        case .started:
            instruments(of: tool) { $0.inFlightMeter($1) }.increment()
        case .succeeded(let duration):
            let (calls, timer, inFlight) = instruments(of: tool) {
                ($0.counter(.callsSucceeded, $1), $0.duration(succeeded: true, $1), $0.inFlightMeter($1))
            }
            calls.increment()
            timer.recordNanoseconds(duration.nanoseconds)
            inFlight.decrement()
        case .failed(let duration, let error):
            let (calls, timer, inFlight, failures) = instruments(of: tool) {
                (
                    $0.counter(.callsFailed, $1), $0.duration(succeeded: false, $1), $0.inFlightMeter($1),
                    $0.failureCounter(error.code, $1)
                )
            }
            calls.increment()
            timer.recordNanoseconds(duration.nanoseconds)
            inFlight.decrement()
            failures.increment()
        case .cacheHit(let store):
            instruments(of: tool) { $0.storeCounter(.hit, store: store, $1) }.increment()
        case .cacheMiss(let store):
            instruments(of: tool) { $0.storeCounter(.miss, store: store, $1) }.increment()
        case .staleServed(let store, _):
            instruments(of: tool) { $0.storeCounter(.staleServed, store: store, $1) }.increment()
        case .cacheWritten(let store, _):
            instruments(of: tool) { $0.storeCounter(.written, store: store, $1) }.increment()
        case .cacheError(let store, _):
            instruments(of: tool) { $0.storeCounter(.error, store: store, $1) }.increment()
        case .coalesced:
            instruments(of: tool) { $0.counter(.coalescedProcess, $1) }.increment()
        case .coalescedRemote:
            instruments(of: tool) { $0.counter(.coalescedRemote, $1) }.increment()
        case .upstreamCalled:
            instruments(of: tool) { $0.counter(.upstreamCalls, $1) }.increment()
        case .retry:
            instruments(of: tool) { $0.counter(.retries, $1) }.increment()
        case .timedOut:
            instruments(of: tool) { $0.counter(.timeouts, $1) }.increment()
        case .fallbackUsed:
            instruments(of: tool) { $0.counter(.fallbacks, $1) }.increment()
        case .rejected(let code):
            instruments(of: tool) { $0.rejectionCounter(code, $1) }.increment()
        case .breakerTransition(_, let to):
            instruments(of: tool) { instruments, maker in
                // Set under the lock so that racing transitions leave the gauge at the last one
                // observed; transitions are rare, so holding the lock a little longer costs nothing.
                instruments.breakerGauge(maker).record(to.gaugeValue)
                return instruments.counter(.transition(to: to), maker)
            }.increment()
        }
    }

    /// Runs `body` on `tool`'s cached metrics under the lock, creating the tool's entry the first
    /// time; the metrics it returns are updated after the lock is released.
    @inline(__always)
    private func instruments<Result: Sendable>(
        of tool: ToolID, _ body: (inout MetricsToolInstruments, MetricsInstrumentMaker) -> Result
    ) -> Result {
        let key = maker.cacheKey(for: tool)
        return table.withLock { table in
            table.withEntry(key, dimensions: { maker.dimensions(for: tool) }) { body(&$0, maker) }
        }
    }
}

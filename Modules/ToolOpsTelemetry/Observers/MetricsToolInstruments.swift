import CoreMetrics
import ToolOpsCore

/// The metrics of one tool, each created on first use and kept for the observer's lifetime.
///
/// Fixed series sit in arrays indexed by their enum. Stores and error codes are searched linearly:
/// a tool has a handful of stores and there are eight codes, and comparing a few short strings is
/// cheaper than hashing one. Every accessor returns the cached metric, calling the factory only
/// the first time.
struct MetricsToolInstruments {
    /// The tool the entry is for, as ``MetricsInstrumentMaker/cacheKey(for:)`` made it.
    let key: ToolID
    /// The tool's dimensions, first in every metric's.
    let dimensions: [(String, String)]
    private var counters = [Counter?](repeating: nil, count: MetricsCounterSeries.allCases.count)
    private var stores: [(store: String, counters: [Counter?])] = []
    private var failures: [(code: ToolError.Code, counter: Counter)] = []
    private var rejections: [(code: ToolError.Code, counter: Counter)] = []
    /// Call durations: success at 0, failure at 1.
    private var durations: [CoreMetrics.Timer?] = [nil, nil]
    private var inFlight: Meter?
    private var breakerState: Gauge?

    init(key: ToolID, dimensions: [(String, String)]) {
        self.key = key
        self.dimensions = dimensions
    }

    mutating func counter(_ series: MetricsCounterSeries, _ maker: MetricsInstrumentMaker) -> Counter {
        if let counter = counters[series.rawValue] { return counter }
        let counter = maker.counter(series.label(in: maker.names), dimensions + series.extraDimensions)
        counters[series.rawValue] = counter
        return counter
    }

    mutating func storeCounter(
        _ series: MetricsStoreSeries, store: String, _ maker: MetricsInstrumentMaker
    ) -> Counter {
        let index: Int
        if let found = stores.firstIndex(where: { $0.store == store }) {
            if let counter = stores[found].counters[series.rawValue] { return counter }
            index = found
        } else {
            stores.append((store, Array(repeating: nil, count: MetricsStoreSeries.allCases.count)))
            index = stores.count - 1
        }
        let counter = maker.counter(
            series.label(in: maker.names), dimensions + [("store", store)] + series.extraDimensions)
        stores[index].counters[series.rawValue] = counter
        return counter
    }

    mutating func failureCounter(_ code: ToolError.Code, _ maker: MetricsInstrumentMaker) -> Counter {
        if let found = failures.first(where: { $0.code == code }) { return found.counter }
        let counter = maker.counter(maker.names.failures, dimensions + [("code", code.description)])
        failures.append((code, counter))
        return counter
    }

    mutating func rejectionCounter(_ code: ToolError.Code, _ maker: MetricsInstrumentMaker) -> Counter {
        if let found = rejections.first(where: { $0.code == code }) { return found.counter }
        let counter = maker.counter(maker.names.rejections, dimensions + [("reason", code.description)])
        rejections.append((code, counter))
        return counter
    }

    mutating func duration(succeeded: Bool, _ maker: MetricsInstrumentMaker) -> CoreMetrics.Timer {
        let slot = succeeded ? 0 : 1
        if let timer = durations[slot] { return timer }
        let timer = maker.timer(
            maker.names.callDuration, dimensions + [("outcome", succeeded ? "success" : "failure")])
        durations[slot] = timer
        return timer
    }

    mutating func inFlightMeter(_ maker: MetricsInstrumentMaker) -> Meter {
        if let inFlight { return inFlight }
        let meter = maker.meter(maker.names.inFlightCalls, dimensions)
        inFlight = meter
        return meter
    }

    mutating func breakerGauge(_ maker: MetricsInstrumentMaker) -> Gauge {
        if let breakerState { return breakerState }
        let gauge = maker.gauge(maker.names.breakerState, dimensions)
        breakerState = gauge
        return gauge
    }
}

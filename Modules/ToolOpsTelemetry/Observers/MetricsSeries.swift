import ToolOpsCore

/// A tool's counters whose dimensions are fixed: each has one slot in a per-tool array, so
/// finding it costs an index, not a hash.
enum MetricsCounterSeries: Int, CaseIterable {
    case callsSucceeded, callsFailed
    case coalescedProcess, coalescedRemote
    case upstreamCalls, retries, timeouts, fallbacks
    case transitionsToClosed, transitionsToHalfOpen, transitionsToOpen

    /// The series counting breaker transitions to `state`.
    static func transition(to state: BreakerState) -> Self {
        switch state {
        case .closed: .transitionsToClosed
        case .halfOpen: .transitionsToHalfOpen
        case .open: .transitionsToOpen
        }
    }

    /// The metric's name.
    func label(in names: MetricsNames) -> String {
        switch self {
        case .callsSucceeded, .callsFailed: names.calls
        case .coalescedProcess, .coalescedRemote: names.coalesced
        case .upstreamCalls: names.upstreamCalls
        case .retries: names.retries
        case .timeouts: names.timeouts
        case .fallbacks: names.fallbacks
        case .transitionsToClosed, .transitionsToHalfOpen, .transitionsToOpen: names.breakerTransitions
        }
    }

    /// The dimensions after the tool's own.
    var extraDimensions: [(String, String)] {
        switch self {
        case .callsSucceeded: [("outcome", "success")]
        case .callsFailed: [("outcome", "failure")]
        case .coalescedProcess: [("scope", "process")]
        case .coalescedRemote: [("scope", "remote")]
        case .upstreamCalls, .retries, .timeouts, .fallbacks: []
        case .transitionsToClosed: [("to", BreakerState.closed.rawValue)]
        case .transitionsToHalfOpen: [("to", BreakerState.halfOpen.rawValue)]
        case .transitionsToOpen: [("to", BreakerState.open.rawValue)]
        }
    }
}

/// A tool's counters about one cache store; each store has one slot per series.
enum MetricsStoreSeries: Int, CaseIterable {
    case hit, miss, staleServed, written, error

    /// The metric's name.
    func label(in names: MetricsNames) -> String {
        switch self {
        case .hit, .miss: names.cacheLookups
        case .staleServed: names.cacheStaleServed
        case .written: names.cacheWrites
        case .error: names.cacheErrors
        }
    }

    /// The dimensions after the tool's and the store's.
    var extraDimensions: [(String, String)] {
        switch self {
        case .hit: [("result", "hit")]
        case .miss: [("result", "miss")]
        case .staleServed, .written, .error: []
        }
    }
}

extension BreakerState {
    /// The value of the breaker-state gauge: 0 closed, 1 half-open, 2 open, so "higher is worse".
    var gaugeValue: Int64 {
        switch self {
        case .closed: 0
        case .halfOpen: 1
        case .open: 2
        }
    }
}

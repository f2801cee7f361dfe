/// The full names of a ``ToolMetricsObserver``'s metrics, built once from the configured prefix.
struct MetricsNames: Sendable {
    let calls: String
    let callDuration: String
    let cacheLookups: String
    let cacheStaleServed: String
    let cacheWrites: String
    let cacheErrors: String
    let coalesced: String
    let upstreamCalls: String
    let retries: String
    let timeouts: String
    let fallbacks: String
    let failures: String
    let rejections: String
    let breakerState: String
    let breakerTransitions: String
    let inFlightCalls: String

    /// The names under `prefix` (already valid); an empty prefix gives bare names.
    init(prefix: String) {
        func name(_ base: String) -> String { prefix.isEmpty ? base : "\(prefix)_\(base)" }
        calls = name("calls_total")
        callDuration = name("call_duration_seconds")
        cacheLookups = name("cache_lookups_total")
        cacheStaleServed = name("cache_stale_served_total")
        cacheWrites = name("cache_writes_total")
        cacheErrors = name("cache_errors_total")
        coalesced = name("coalesced_total")
        upstreamCalls = name("upstream_calls_total")
        retries = name("retries_total")
        timeouts = name("timeouts_total")
        fallbacks = name("fallbacks_total")
        failures = name("failures_total")
        rejections = name("rejections_total")
        breakerState = name("breaker_state")
        breakerTransitions = name("breaker_transitions_total")
        inFlightCalls = name("in_flight_calls")
    }
}

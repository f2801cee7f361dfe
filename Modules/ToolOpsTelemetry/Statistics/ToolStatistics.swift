/// The numbers of one tool over one period: the window or the lifetime section of a
/// ``ToolStatisticsSnapshot``.
///
/// Each count is the number of events of one kind, so the numbers mean what the events mean:
///
/// - ``calls`` are finished calls (`succeeded` + `failed` events), ``failures`` the failed ones.
/// - ``cacheHits`` and ``cacheMisses`` are lookups; a coalesced follower was a miss first.
/// - ``upstreamCalls`` counts every attempt of the tool's body, retries included.
/// - ``upstreamCallsSaved`` counts calls answered without the upstream being asked on their
///   behalf: cache hits plus coalesced calls (in process and across processes). Stale serves
///   and fallbacks are *not* counted: they answer a call after its live path failed, by which
///   time the upstream was usually already called (and billed), or the breaker refused it.
/// - ``costSaved`` is ``upstreamCallsSaved`` times the tool's
///   ``ToolStatisticsObserver/Configuration/costPerCall``.
///
/// ```swift
/// let window = statistics.snapshot(tool: ToolID(name: "web_search"))?.window
/// print("hit rate \(window?.hitRate ?? 0), saved \(window?.upstreamCallsSaved ?? 0) calls")
/// ```
public struct ToolStatistics: Sendable, Hashable, Codable {
    /// Finished calls: `succeeded` plus `failed` events.
    public var calls: Int
    /// Calls that returned a value.
    public var succeeded: Int
    /// Calls that threw.
    public var failures: Int
    /// ``failures`` by ``ToolOpsCore/ToolError/Code-swift.struct`` name ("upstream", "timeout", …).
    public var failuresByCode: [String: Int]
    /// ``failures`` over ``calls``; `nil` when there were no calls.
    public var errorRate: Double?
    /// Calls answered by a fresh cached value.
    public var cacheHits: Int
    /// Lookups that found no usable value.
    public var cacheMisses: Int
    /// ``cacheHits`` over ``cacheHits`` + ``cacheMisses``; `nil` when nothing was looked up.
    public var hitRate: Double?
    /// Expired values served because the live path failed.
    public var staleServed: Int
    /// Calls that shared another call's upstream call: `coalesced` plus `coalescedRemote` events.
    public var coalesced: Int
    /// The part of ``coalesced`` answered by another process's fill.
    public var coalescedRemote: Int
    /// Results written to a cache store.
    public var cacheWrites: Int
    /// Cache store failures the calls went on without.
    public var cacheErrors: Int
    /// Invocations of the tool's body: one per attempt, retries included.
    public var upstreamCalls: Int
    /// Calls answered without an upstream call of their own: ``cacheHits`` + ``coalesced``.
    public var upstreamCallsSaved: Int
    /// ``upstreamCallsSaved`` times the tool's configured cost per call; `nil` when none is configured.
    public var costSaved: Double?
    /// Attempts that failed and were tried again.
    public var retries: Int
    /// Attempts cancelled by their timeout.
    public var timeouts: Int
    /// Calls refused before reaching the upstream (circuit open, rate limited, bulkhead full).
    public var rejections: Int
    /// ``rejections`` by code name ("circuitOpen", "rateLimited", "bulkheadFull").
    public var rejectionsByCode: [String: Int]
    /// Calls answered by a fallback value.
    public var fallbacksUsed: Int
    /// Changes of the tool's circuit breaker state.
    public var breakerTransitions: Int
    /// The durations of the finished calls; `nil` when there were none.
    public var latency: LatencySummary?
}

extension ToolStatistics {
    /// The statistics of what `bucket` counted, with savings priced at `costPerCall`.
    init(_ bucket: StatisticsBucket, costPerCall: Double?) {
        let counts = bucket.counts
        succeeded = counts[kind: "succeeded"]
        failures = counts[kind: "failed"]
        calls = succeeded + failures
        failuresByCode = counts.byCode(base: EventCounts.failureBase)
        errorRate = calls > 0 ? Double(failures) / Double(calls) : nil
        cacheHits = counts[kind: "cache_hit"]
        cacheMisses = counts[kind: "cache_miss"]
        hitRate = cacheHits + cacheMisses > 0 ? Double(cacheHits) / Double(cacheHits + cacheMisses) : nil
        staleServed = counts[kind: "stale_served"]
        coalescedRemote = counts[kind: "coalesced_remote"]
        coalesced = counts[kind: "coalesced"] + coalescedRemote
        cacheWrites = counts[kind: "cache_written"]
        cacheErrors = counts[kind: "cache_error"]
        upstreamCalls = counts[kind: "upstream_called"]
        let saved = cacheHits + coalesced
        upstreamCallsSaved = saved
        costSaved = costPerCall.map { Double(saved) * $0 }
        retries = counts[kind: "retry"]
        timeouts = counts[kind: "timed_out"]
        rejections = counts[kind: "rejected"]
        rejectionsByCode = counts.byCode(base: EventCounts.rejectionBase)
        fallbacksUsed = counts[kind: "fallback_used"]
        breakerTransitions = counts[kind: "breaker_transition"]
        latency = LatencySummary(bucket.latency)
    }
}

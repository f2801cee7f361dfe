import CoreMetrics
import MetricsTestKit
import Synchronization
import Testing
import ToolOpsCore

@testable import ToolOpsTelemetry

@Suite("Tool metrics observer")
struct ToolMetricsObserverTests {
    let metrics = TestMetrics()
    let observer: ToolMetricsObserver

    init() {
        observer = ToolMetricsObserver(configuration: .init(factory: metrics))
    }

    @Test("calls are counted by outcome, with the tool's name and version as dimensions")
    func countsCallsByOutcome() throws {
        observer.feed(.started, times: 3)
        observer.feed(.succeeded(duration: .milliseconds(20)), times: 2)
        observer.feed(.failed(duration: .seconds(1), error: metricsError(.upstream)))

        #expect(
            try metrics.expectCounter("toolops_calls_total", searchDimensions(("outcome", "success"))).totalValue == 2)
        #expect(
            try metrics.expectCounter("toolops_calls_total", searchDimensions(("outcome", "failure"))).totalValue == 1)
        #expect(metrics.counters(label: "toolops_calls_total").count == 2)
    }

    @Test("call durations are recorded in nanoseconds by outcome, with seconds as display unit")
    func recordsDurationsInNanoseconds() throws {
        observer.feed(.succeeded(duration: .milliseconds(20)))
        observer.feed(.succeeded(duration: .microseconds(1_500)))
        observer.feed(.failed(duration: .seconds(2), error: metricsError(.timeout)))

        let success = try metrics.expectTimer("toolops_call_duration_seconds", searchDimensions(("outcome", "success")))
        #expect(success.values == [20_000_000, 1_500_000])
        #expect(success.displayUnit == .seconds)
        let failure = try metrics.expectTimer("toolops_call_duration_seconds", searchDimensions(("outcome", "failure")))
        #expect(failure.values == [2_000_000_000])
        #expect(failure.displayUnit == .seconds)
    }

    @Test("the in-flight meter rises on start and returns to zero when the calls finish")
    func inFlightReturnsToZero() throws {
        observer.feed(.started, times: 3)
        observer.feed(.succeeded(duration: .milliseconds(5)), times: 2)
        observer.feed(.failed(duration: .milliseconds(5), error: metricsError(.upstream)))

        let inFlight = try metrics.expectMeter("toolops_in_flight_calls", searchDimensions())
        #expect(inFlight.values == [1, 2, 3, 2, 1, 0])
        #expect(inFlight.lastValue == 0)
    }

    @Test("failures are counted by error code and rejections by reason")
    func countsFailuresAndRejectionsByCode() throws {
        observer.feed(.failed(duration: .seconds(1), error: metricsError(.timeout)), times: 2)
        observer.feed(.failed(duration: .zero, error: metricsError(.circuitOpen)))
        observer.feed(.rejected(.circuitOpen), times: 4)
        observer.feed(.rejected(.rateLimited))

        let failures = "toolops_failures_total"
        #expect(try metrics.expectCounter(failures, searchDimensions(("code", "timeout"))).totalValue == 2)
        #expect(try metrics.expectCounter(failures, searchDimensions(("code", "circuitOpen"))).totalValue == 1)
        #expect(metrics.counters(label: failures).count == 2)
        let rejections = "toolops_rejections_total"
        #expect(try metrics.expectCounter(rejections, searchDimensions(("reason", "circuitOpen"))).totalValue == 4)
        #expect(try metrics.expectCounter(rejections, searchDimensions(("reason", "rateLimited"))).totalValue == 1)
        #expect(metrics.counters(label: rejections).count == 2)
    }

    @Test("cache lookups, stale serves, writes and errors are counted per store")
    func countsCacheEventsPerStore() throws {
        observer.feed(.cacheHit(store: "memory"), times: 5)
        observer.feed(.cacheMiss(store: "memory"), times: 2)
        observer.feed(.cacheMiss(store: "postgres"))
        observer.feed(.staleServed(store: "memory", age: .seconds(90)))
        observer.feed(.cacheWritten(store: "postgres", bytes: 120), times: 3)
        observer.feed(.cacheError(store: "postgres", error: metricsError(.misconfigured)), times: 2)

        let lookups = "toolops_cache_lookups_total"
        let memoryHits = searchDimensions(("store", "memory"), ("result", "hit"))
        #expect(try metrics.expectCounter(lookups, memoryHits).totalValue == 5)
        let memoryMisses = searchDimensions(("store", "memory"), ("result", "miss"))
        #expect(try metrics.expectCounter(lookups, memoryMisses).totalValue == 2)
        let postgresMisses = searchDimensions(("store", "postgres"), ("result", "miss"))
        #expect(try metrics.expectCounter(lookups, postgresMisses).totalValue == 1)
        #expect(metrics.counters(label: lookups).count == 3)
        let memory = searchDimensions(("store", "memory"))
        let postgres = searchDimensions(("store", "postgres"))
        #expect(try metrics.expectCounter("toolops_cache_stale_served_total", memory).totalValue == 1)
        #expect(try metrics.expectCounter("toolops_cache_writes_total", postgres).totalValue == 3)
        #expect(try metrics.expectCounter("toolops_cache_errors_total", postgres).totalValue == 2)
    }

    @Test("coalesced calls are counted by scope: process or remote")
    func countsCoalescingByScope() throws {
        observer.feed(.coalesced, times: 3)
        observer.feed(.coalescedRemote(store: "postgres"))

        let coalesced = "toolops_coalesced_total"
        #expect(try metrics.expectCounter(coalesced, searchDimensions(("scope", "process"))).totalValue == 3)
        #expect(try metrics.expectCounter(coalesced, searchDimensions(("scope", "remote"))).totalValue == 1)
    }

    @Test("upstream calls, retries, timeouts and fallbacks are counted per tool")
    func countsResilienceEvents() throws {
        observer.feed(.upstreamCalled(attempt: 1), times: 4)
        observer.feed(.retry(attempt: 1, delay: .milliseconds(100), error: metricsError(.upstream)), times: 2)
        observer.feed(.timedOut(after: .seconds(5), attempt: 2))
        observer.feed(.fallbackUsed(error: metricsError(.timeout)), times: 3)

        #expect(try metrics.expectCounter("toolops_upstream_calls_total", searchDimensions()).totalValue == 4)
        #expect(try metrics.expectCounter("toolops_retries_total", searchDimensions()).totalValue == 2)
        #expect(try metrics.expectCounter("toolops_timeouts_total", searchDimensions()).totalValue == 1)
        #expect(try metrics.expectCounter("toolops_fallbacks_total", searchDimensions()).totalValue == 3)
    }

    @Test("the breaker gauge reads 0 closed, 1 half-open, 2 open, and transitions are counted by target")
    func breakerGaugeFollowsTransitions() throws {
        observer.feed(.breakerTransition(from: .closed, to: .open))
        observer.feed(.breakerTransition(from: .open, to: .halfOpen))
        observer.feed(.breakerTransition(from: .halfOpen, to: .open))
        observer.feed(.breakerTransition(from: .open, to: .halfOpen))
        observer.feed(.breakerTransition(from: .halfOpen, to: .closed))

        let gauge = try metrics.expectGauge("toolops_breaker_state", searchDimensions())
        #expect(gauge.values == [2, 1, 2, 1, 0])
        #expect(gauge.lastValue == 0)
        let transitions = "toolops_breaker_transitions_total"
        #expect(try metrics.expectCounter(transitions, searchDimensions(("to", "open"))).totalValue == 2)
        #expect(try metrics.expectCounter(transitions, searchDimensions(("to", "halfOpen"))).totalValue == 2)
        #expect(try metrics.expectCounter(transitions, searchDimensions(("to", "closed"))).totalValue == 1)
    }

    @Test("the factory is asked for each metric series once, however many events")
    func factoryIsAskedOncePerSeries() throws {
        let factory = CountingMetricsFactory()
        let observer = ToolMetricsObserver(configuration: .init(factory: factory))
        let weather = ToolID(name: "weather", version: "1")
        // Tools interleaved event by event, as concurrent calls deliver them.
        for _ in 0..<50 {
            for kind in everyKind {
                for tool in [searchTool, weather] { observer.feed(kind, tool: tool) }
            }
        }

        let makes = factory.makes
        #expect(makes.values.allSatisfy { $0 == 1 }, "series made more than once: \(makes.filter { $0.value > 1 })")
        // Per tool: 2 calls, 2 durations, in-flight, 2 failure codes, 1 rejection reason, 2 lookups,
        // stale, write, error, 2 coalesced, upstream, retries, timeouts, fallbacks, gauge, 2 transitions.
        #expect(makes.count == 2 * 22)
        let weatherCalls = [("tool", "weather"), ("version", "1"), ("outcome", "failure")]
        #expect(try factory.metrics.expectCounter("toolops_calls_total", weatherCalls).totalValue == 100)
        #expect(try factory.metrics.expectCounter("toolops_retries_total", searchDimensions()).totalValue == 50)
    }

    @Test("versions of a tool get separate series, or share one when versions are not included")
    func versionDimensionIsConfigurable() throws {
        let v1 = ToolID(name: "search", version: "1")
        observer.feed(.succeeded(duration: .milliseconds(1)), tool: v1)
        observer.feed(.succeeded(duration: .milliseconds(1)), times: 2, tool: searchTool)
        let calls = "toolops_calls_total"
        #expect(
            try metrics.expectCounter(calls, [("tool", "search"), ("version", "1"), ("outcome", "success")]).totalValue
                == 1)
        #expect(try metrics.expectCounter(calls, searchDimensions(("outcome", "success"))).totalValue == 2)

        let factory = CountingMetricsFactory()
        let unversioned = ToolMetricsObserver(configuration: .init(factory: factory, includeVersion: false))
        unversioned.feed(.succeeded(duration: .milliseconds(1)), tool: v1)
        unversioned.feed(.succeeded(duration: .milliseconds(1)), times: 2, tool: searchTool)
        let shared = try factory.metrics.expectCounter(calls, [("tool", "search"), ("outcome", "success")])
        #expect(shared.totalValue == 3)
        #expect(factory.makes.values.allSatisfy { $0 == 1 })
    }

    @Test("the prefix renames every metric; invalid characters become underscores")
    func prefixRenamesMetrics() throws {
        let renamed = TestMetrics()
        let observer = ToolMetricsObserver(configuration: .init(factory: renamed, prefix: "agent"))
        for kind in everyKind { observer.feed(kind) }
        let labels = Set(renamed.counters.map(\.label) + renamed.timers.map(\.label) + renamed.meters.map(\.label))
        #expect(labels.count == 15)
        #expect(labels.allSatisfy { $0.hasPrefix("agent_") })
        #expect(try renamed.expectGauge("agent_breaker_state", searchDimensions()).lastValue == 1)

        let bare = TestMetrics()
        ToolMetricsObserver(configuration: .init(factory: bare, prefix: "")).feed(.coalesced)
        #expect(try bare.expectCounter("coalesced_total", searchDimensions(("scope", "process"))).totalValue == 1)

        let corrected = TestMetrics()
        ToolMetricsObserver(configuration: .init(factory: corrected, prefix: "my-app.v2_")).feed(.coalesced)
        #expect(corrected.counters.map(\.label) == ["my_app_v2_coalesced_total"])
    }

    @Test("labels hold only tool, version, store, code and fixed values; never keys, call ids or sessions")
    func labelCardinalityIsBounded() {
        for callID in 1...20 as ClosedRange<UInt64> {
            for kind in everyKind {
                observer.observe(metricsEvent(kind, callID: callID, sessionID: "session-\(callID)"))
            }
        }
        let dimensions =
            metrics.counters.flatMap(\.dimensions) + metrics.timers.flatMap(\.dimensions)
            + metrics.meters.flatMap(\.dimensions) + metrics.recorders.flatMap(\.dimensions)
        let allowed: Set = ["tool", "version", "outcome", "result", "store", "scope", "code", "reason", "to"]
        #expect(Set(dimensions.map(\.0)).isSubset(of: allowed))
        let key = CallKey(tool: searchTool, canonicalArguments: .object([:])).digest
        #expect(!dimensions.contains { $0.1.contains("session") || $0.1.contains(key) || $0.1 == "20" })
        #expect(metrics.counters.count == 18)
    }

    @Test("concurrent observation from many tasks gives exact totals")
    func concurrentObservationIsExact() async throws {
        let factory = CountingMetricsFactory()
        let observer = ToolMetricsObserver(configuration: .init(factory: factory))
        let tasks = 8
        let callsPerTask = 500
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for call in 0..<callsPerTask {
                        observer.feed(.started)
                        observer.feed(.cacheMiss(store: "memory"))
                        observer.feed(.upstreamCalled(attempt: 1))
                        if (task + call) % 4 == 0 {
                            observer.feed(.failed(duration: .milliseconds(3), error: metricsError(.upstream)))
                        } else {
                            observer.feed(.succeeded(duration: .milliseconds(2)))
                        }
                    }
                }
            }
        }

        let metrics = factory.metrics
        let total = Int64(tasks * callsPerTask)
        #expect(
            try metrics.expectCounter("toolops_calls_total", searchDimensions(("outcome", "success"))).totalValue
                == total * 3 / 4)
        #expect(
            try metrics.expectCounter("toolops_calls_total", searchDimensions(("outcome", "failure"))).totalValue
                == total / 4)
        #expect(
            try metrics.expectCounter("toolops_failures_total", searchDimensions(("code", "upstream"))).totalValue
                == total / 4)
        #expect(try metrics.expectCounter("toolops_upstream_calls_total", searchDimensions()).totalValue == total)
        let misses = searchDimensions(("store", "memory"), ("result", "miss"))
        #expect(try metrics.expectCounter("toolops_cache_lookups_total", misses).totalValue == total)
        let timer = try metrics.expectTimer("toolops_call_duration_seconds", searchDimensions(("outcome", "success")))
        #expect(timer.values.count == Int(total * 3 / 4))
        #expect(try metrics.expectMeter("toolops_in_flight_calls", searchDimensions()).lastValue == 0)
        #expect(factory.makes.values.allSatisfy { $0 == 1 })
    }
}

// MARK: - Support

/// The tool most tests observe.
private let searchTool = ToolID(name: "search", version: "2")

/// `searchTool`'s dimensions followed by `extra`.
private func searchDimensions(_ extra: (String, String)...) -> [(String, String)] {
    [("tool", "search"), ("version", "2")] + extra
}

/// One event of every kind, with two failure codes and a breaker ending half-open.
private let everyKind: [ToolEvent.Kind] = [
    .started, .cacheHit(store: "memory"), .cacheMiss(store: "memory"), .staleServed(store: "memory", age: .seconds(1)),
    .cacheWritten(store: "memory", bytes: 10), .cacheError(store: "memory", error: metricsError(.misconfigured)),
    .coalesced, .coalescedRemote(store: "postgres"), .retry(attempt: 1, delay: .zero, error: metricsError(.upstream)),
    .breakerTransition(from: .closed, to: .open), .breakerTransition(from: .open, to: .halfOpen),
    .rejected(.circuitOpen), .timedOut(after: .seconds(1), attempt: 1), .fallbackUsed(error: metricsError(.timeout)),
    .upstreamCalled(attempt: 1), .succeeded(duration: .milliseconds(1)),
    .failed(duration: .milliseconds(1), error: metricsError(.upstream)),
    .failed(duration: .milliseconds(1), error: metricsError(.timeout)),
]

private func metricsError(_ code: ToolError.Code) -> ToolError {
    ToolError(code: code, tool: "search", message: "test failure")
}

private func metricsEvent(
    _ kind: ToolEvent.Kind, tool: ToolID = searchTool, callID: UInt64 = 1, sessionID: String? = nil
) -> ToolEvent {
    ToolEvent(
        tool: tool,
        callID: callID,
        key: CallKey(tool: tool, canonicalArguments: .object([:])),
        sessionID: sessionID,
        timestamp: Timestamp(nanosecondsSinceEpoch: 1_704_067_200_000_000_000),
        kind: kind
    )
}

extension ToolMetricsObserver {
    /// Observes `kind` `times` times for `tool`.
    fileprivate func feed(_ kind: ToolEvent.Kind, times: Int = 1, tool: ToolID = searchTool) {
        for _ in 0..<times { observe(metricsEvent(kind, tool: tool)) }
    }
}

/// A factory that counts how often each series (label and dimensions) is made, then hands the
/// request to a `TestMetrics`.
private final class CountingMetricsFactory: MetricsFactory {
    let metrics = TestMetrics()
    private let counts = Mutex<[String: Int]>([:])

    /// How many times each series was made, by label and sorted dimensions.
    var makes: [String: Int] { counts.withLock { $0 } }

    private func count(_ label: String, _ dimensions: [(String, String)]) {
        let key = label + dimensions.map { "\($0.0)=\($0.1)" }.sorted().joined(separator: ",")
        counts.withLock { $0[key, default: 0] += 1 }
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        count(label, dimensions)
        return metrics.makeCounter(label: label, dimensions: dimensions)
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        count(label, dimensions)
        return metrics.makeFloatingPointCounter(label: label, dimensions: dimensions)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        count(label, dimensions)
        return metrics.makeMeter(label: label, dimensions: dimensions)
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        count(label, dimensions)
        return metrics.makeRecorder(label: label, dimensions: dimensions, aggregate: aggregate)
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        count(label, dimensions)
        return metrics.makeTimer(label: label, dimensions: dimensions)
    }

    func destroyCounter(_ handler: any CounterHandler) { metrics.destroyCounter(handler) }
    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
        metrics.destroyFloatingPointCounter(handler)
    }
    func destroyMeter(_ handler: any MeterHandler) { metrics.destroyMeter(handler) }
    func destroyRecorder(_ handler: any RecorderHandler) { metrics.destroyRecorder(handler) }
    func destroyTimer(_ handler: any TimerHandler) { metrics.destroyTimer(handler) }
}

import Foundation
import Testing
import ToolOpsCore
import ToolOpsTesting

@testable import ToolOpsTelemetry

@Suite("Tool statistics observer")
struct ToolStatisticsObserverTests {
    let search = ToolID(name: "search")

    @Test("calls, failures by code and the error rate are counted exactly")
    func countsCallsAndFailures() throws {
        let statistics = ToolStatisticsObserver()
        statistics.observe(.started, times: 10)
        statistics.observe(.succeeded(duration: .milliseconds(20)), times: 7)
        statistics.observe(.failed(duration: .milliseconds(30), error: statisticsError(.upstream)), times: 2)
        statistics.observe(.failed(duration: .seconds(1), error: statisticsError(.timeout)))

        let window = try #require(statistics.snapshot(tool: search)).window
        #expect(window.calls == 10)
        #expect(window.succeeded == 7)
        #expect(window.failures == 3)
        #expect(window.failuresByCode == ["upstream": 2, "timeout": 1])
        #expect(window.errorRate == 0.3)
    }

    @Test("hit rate is hits over lookups; saved calls are hits plus coalesced, not stale or fallback")
    func hitRateAndSavedCalls() throws {
        let statistics = ToolStatisticsObserver()
        statistics.observe(.cacheHit(store: "memory"), times: 6)
        statistics.observe(.cacheMiss(store: "memory"), times: 2)
        statistics.observe(.coalesced)
        statistics.observe(.coalescedRemote(store: "postgres"))
        statistics.observe(.staleServed(store: "memory", age: .seconds(90)))
        statistics.observe(.fallbackUsed(error: statisticsError(.upstream)))
        statistics.observe(.upstreamCalled(attempt: 1), times: 3)
        statistics.observe(.cacheWritten(store: "memory", bytes: 120))
        statistics.observe(.cacheError(store: "postgres", error: statisticsError(.misconfigured)))

        let window = try #require(statistics.snapshot(tool: search)).window
        #expect(window.cacheHits == 6)
        #expect(window.cacheMisses == 2)
        #expect(window.hitRate == 0.75)
        #expect(window.coalesced == 2)
        #expect(window.coalescedRemote == 1)
        #expect(window.staleServed == 1)
        #expect(window.fallbacksUsed == 1)
        #expect(window.upstreamCalls == 3)
        #expect(window.upstreamCallsSaved == 8)
        #expect(window.cacheWrites == 1)
        #expect(window.cacheErrors == 1)
        #expect(window.costSaved == nil)
    }

    @Test("rates are nil, not zero or NaN, when nothing was counted for them")
    func ratesWithoutDataAreNil() throws {
        let statistics = ToolStatisticsObserver()
        statistics.observe(.upstreamCalled(attempt: 1))
        let window = try #require(statistics.snapshot(tool: search)).window
        #expect(window.errorRate == nil)
        #expect(window.hitRate == nil)
        #expect(window.latency == nil)
    }

    @Test("starts are not counted: a tool appears with its first event after a start")
    func startsAreSkipped() {
        let statistics = ToolStatisticsObserver()
        statistics.observe(.started, times: 3)
        #expect(statistics.snapshot(tool: search) == nil)
        #expect(statistics.trackedToolCount == 0)
    }

    @Test("cost saved is saved calls times the cost configured for the tool's name, in every version")
    func costSaved() throws {
        let statistics = ToolStatisticsObserver(configuration: .init(costPerCall: ["search": 0.25]))
        let searchV2 = ToolID(name: "search", version: "2")
        let weather = ToolID(name: "weather")
        statistics.observe(.cacheHit(store: "memory"), times: 3)
        statistics.observe(.coalesced, times: 1)
        statistics.observe(.cacheHit(store: "memory"), times: 2, tool: searchV2)
        statistics.observe(.cacheHit(store: "memory"), times: 5, tool: weather)

        #expect(statistics.snapshot(tool: search)?.window.costSaved == 1.0)
        #expect(statistics.snapshot(tool: search)?.lifetime.costSaved == 1.0)
        #expect(statistics.snapshot(tool: searchV2)?.window.costSaved == 0.5)
        #expect(statistics.snapshot(tool: weather)?.window.costSaved == nil)
        #expect(statistics.snapshot(tool: weather)?.window.upstreamCallsSaved == 5)
    }

    @Test("retries, timeouts, rejections by code and the last breaker state are kept")
    func resilienceEvents() throws {
        let statistics = ToolStatisticsObserver()
        statistics.observe(.retry(attempt: 1, delay: .milliseconds(100), error: statisticsError(.upstream)), times: 2)
        statistics.observe(.timedOut(after: .seconds(5), attempt: 1))
        statistics.observe(.breakerTransition(from: .closed, to: .open), at: .seconds(1))
        statistics.observe(.rejected(.circuitOpen), times: 3, at: .seconds(2))
        statistics.observe(.rejected(.rateLimited), at: .seconds(2))
        statistics.observe(.breakerTransition(from: .open, to: .halfOpen), at: .seconds(31))

        let snapshot = try #require(statistics.snapshot(tool: search))
        #expect(snapshot.window.retries == 2)
        #expect(snapshot.window.timeouts == 1)
        #expect(snapshot.window.rejections == 4)
        #expect(snapshot.window.rejectionsByCode == ["circuitOpen": 3, "rateLimited": 1])
        #expect(snapshot.window.breakerTransitions == 2)
        #expect(snapshot.breakerState == .halfOpen)
        #expect(snapshot.breakerChangedAt == statisticsEpoch + .seconds(31))
        #expect(snapshot.firstSeen == statisticsEpoch)
        #expect(snapshot.lastSeen == statisticsEpoch + .seconds(31))
    }

    @Test("latency percentiles come from call durations, with exact minimum and maximum")
    func latencyFromCallDurations() throws {
        let statistics = ToolStatisticsObserver()
        for milliseconds in 1...100 {
            statistics.observe(.succeeded(duration: .milliseconds(milliseconds)))
        }
        statistics.observe(.cacheHit(store: "memory"))  // not a call end: no duration

        let latency = try #require(statistics.snapshot(tool: search)?.window.latency)
        #expect(latency.count == 100)
        #expect(latency.minimum == .milliseconds(1))
        #expect(latency.maximum == .milliseconds(100))
        #expect(isClose(latency.p50, to: .milliseconds(50)))
        #expect(isClose(latency.p95, to: .milliseconds(95)))
        #expect(isClose(latency.p99, to: .milliseconds(99)))
        #expect(latency.mean == .microseconds(50_500))
    }

    @Test("the window drops events older than the window while the lifetime keeps them")
    func windowDropsOldEvents() throws {
        let statistics = ToolStatisticsObserver(configuration: .init(window: .seconds(60), bucketWidth: .seconds(10)))
        statistics.observe(.cacheHit(store: "memory"), times: 5, at: .seconds(1))
        statistics.observe(.cacheMiss(store: "memory"), times: 3, at: .seconds(30))
        statistics.observe(.succeeded(duration: .seconds(9)), at: .seconds(30))

        let early = try #require(statistics.snapshot(tool: search))
        #expect(early.window.cacheHits == 5)
        #expect(early.window.cacheMisses == 3)

        // At 65 s the window is the buckets [10 s, 70 s): the hits at 1 s fall out.
        statistics.observe(.succeeded(duration: .milliseconds(1)), at: .seconds(65))
        let later = try #require(statistics.snapshot(tool: search))
        #expect(later.windowStart == statisticsEpoch + .seconds(10))
        #expect(later.windowEnd == statisticsEpoch + .seconds(65))
        #expect(later.window.cacheHits == 0)
        #expect(later.window.cacheMisses == 3)
        #expect(later.window.calls == 2)
        #expect(later.lifetime.cacheHits == 5)
        #expect(later.lifetime.cacheMisses == 3)

        // At 95 s the misses at 30 s and their 9 s call fall out too.
        statistics.observe(.succeeded(duration: .milliseconds(1)), at: .seconds(95))
        let latest = try #require(statistics.snapshot(tool: search))
        #expect(latest.window.cacheMisses == 0)
        #expect(latest.window.calls == 2)
        #expect(latest.window.latency?.maximum == .milliseconds(1))
        #expect(latest.lifetime.calls == 3)
        #expect(latest.lifetime.latency?.maximum == .seconds(9))
    }

    @Test("a snapshot at a later time shows the window drained while no events came")
    func snapshotAtLaterTimeDrainsWindow() throws {
        let statistics = ToolStatisticsObserver(configuration: .init(window: .seconds(60), bucketWidth: .seconds(10)))
        statistics.observe(.succeeded(duration: .milliseconds(5)), times: 4, at: .seconds(5))

        let now = try #require(statistics.snapshot(tool: search, at: statisticsEpoch + .seconds(40)))
        #expect(now.window.calls == 4)
        let idle = try #require(statistics.snapshot(tool: search, at: statisticsEpoch + .seconds(600)))
        #expect(idle.window.calls == 0)
        #expect(idle.window.latency == nil)
        #expect(idle.lifetime.calls == 4)
    }

    @Test("an event stamped before the window counts in the lifetime only")
    func lateEventCountsInLifetimeOnly() throws {
        let statistics = ToolStatisticsObserver(configuration: .init(window: .seconds(60), bucketWidth: .seconds(10)))
        statistics.observe(.cacheHit(store: "memory"), at: .seconds(200))
        statistics.observe(.cacheHit(store: "memory"), at: .seconds(100))  // late: older than [150 s, 210 s)
        statistics.observe(.cacheHit(store: "memory"), at: .seconds(180))  // late but inside the window

        let snapshot = try #require(statistics.snapshot(tool: search))
        #expect(snapshot.window.cacheHits == 2)
        #expect(snapshot.lifetime.cacheHits == 3)
        #expect(snapshot.firstSeen == statisticsEpoch + .seconds(100))
        #expect(snapshot.lastSeen == statisticsEpoch + .seconds(200))
    }

    @Test("versions of a tool are tracked apart, and the snapshot lists tools sorted by name and version")
    func toolsAreKeyedByNameAndVersion() {
        let statistics = ToolStatisticsObserver()
        statistics.observe(.cacheHit(store: "memory"), tool: ToolID(name: "weather"))
        statistics.observe(.cacheHit(store: "memory"), times: 2, tool: ToolID(name: "search", version: "2"))
        statistics.observe(.cacheHit(store: "memory"), times: 3, tool: ToolID(name: "search", version: "1"))

        let snapshots = statistics.snapshot()
        #expect(snapshots.map(\.tool.description) == ["search@1", "search@2", "weather@1"])
        #expect(snapshots.map(\.window.cacheHits) == [3, 2, 1])
        #expect(statistics.snapshot(tool: ToolID(name: "search", version: "3")) == nil)
    }

    @Test("no events, no snapshots")
    func emptyObserver() {
        let statistics = ToolStatisticsObserver()
        #expect(statistics.snapshot().isEmpty)
        #expect(statistics.snapshot(tool: search) == nil)
    }

    @Test("when the tool limit is reached the least recently seen tool is dropped")
    func leastRecentlySeenToolIsDropped() throws {
        let statistics = ToolStatisticsObserver(configuration: .init(maxTools: 3))
        let (a, b, c, d) = (ToolID(name: "a"), ToolID(name: "b"), ToolID(name: "c"), ToolID(name: "d"))
        statistics.observe(.cacheHit(store: "memory"), tool: a)
        statistics.observe(.cacheHit(store: "memory"), tool: b)
        statistics.observe(.cacheHit(store: "memory"), tool: c)
        statistics.observe(.cacheMiss(store: "memory"), tool: a)  // a is now more recent than b

        statistics.observe(.cacheHit(store: "memory"), times: 7, tool: d)

        #expect(statistics.trackedToolCount == 3)
        #expect(statistics.snapshot(tool: b) == nil)
        #expect(statistics.snapshot().map(\.tool) == [a, c, d])
        #expect(statistics.snapshot(tool: a)?.lifetime.cacheMisses == 1)
        // The newcomer starts from zero in the record it took over.
        #expect(statistics.snapshot(tool: d)?.lifetime.cacheHits == 7)
        #expect(statistics.snapshot(tool: d)?.lifetime.cacheMisses == 0)

        // A dropped tool that comes back starts afresh, dropping the now least recent (c).
        statistics.observe(.cacheMiss(store: "memory"), tool: b)
        #expect(statistics.snapshot(tool: c) == nil)
        #expect(statistics.snapshot(tool: b)?.lifetime.cacheHits == 0)
        #expect(statistics.snapshot(tool: b)?.lifetime.cacheMisses == 1)
    }

    @Test("a million events over a long time do not grow the storage")
    func storageIsBounded() throws {
        let statistics = ToolStatisticsObserver()  // 30 buckets of 10 s
        let durations: [Duration] = [
            .microseconds(80), .milliseconds(2), .milliseconds(15), .milliseconds(120), .seconds(1), .seconds(7),
        ]
        func feed(_ range: Range<Int>) {
            for index in range {
                // One event per millisecond: 1,000 s in all, the 5-minute window recycled 3 times over.
                let offset = Duration.milliseconds(index)
                let kind: ToolEvent.Kind =
                    index % 2 == 0
                    ? .succeeded(duration: durations[(index / 2) % durations.count])
                    : .cacheHit(store: "memory")
                statistics.observe(statisticsEvent(kind, at: offset))
            }
        }
        feed(0..<400_000)
        let warm = statistics.footprint
        #expect(warm.buckets == 30)
        feed(400_000..<1_000_000)

        #expect(statistics.footprint == warm)
        #expect(warm.histogramPages <= 31 * LatencyHistogram.pageCount)
        let snapshot = try #require(statistics.snapshot(tool: search))
        #expect(snapshot.lifetime.calls == 500_000)
        #expect(snapshot.lifetime.cacheHits == 500_000)
        #expect(snapshot.window.calls == 150_000)  // the 30 buckets [700 s, 1,000 s)
    }

    @Test("concurrent observation from many tasks gives exact totals")
    func concurrentObservation() async throws {
        let statistics = ToolStatisticsObserver()
        let tools = [ToolID(name: "search"), ToolID(name: "weather")]
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for index in 0..<5_000 {
                        let tool = tools[(task + index) % 2]
                        statistics.observe(
                            statisticsEvent(
                                .succeeded(duration: .milliseconds(index % 50)), tool: tool, at: .seconds(1)))
                        statistics.observe(statisticsEvent(.cacheHit(store: "memory"), tool: tool, at: .seconds(1)))
                    }
                }
            }
        }
        for tool in tools {
            let snapshot = try #require(statistics.snapshot(tool: tool))
            #expect(snapshot.lifetime.calls == 20_000)
            #expect(snapshot.window.calls == 20_000)
            #expect(snapshot.window.cacheHits == 20_000)
            #expect(snapshot.window.latency?.count == 20_000)
        }
    }

    @Test("a snapshot round-trips through JSON, durations as whole nanoseconds")
    func snapshotIsCodable() throws {
        let statistics = ToolStatisticsObserver(configuration: .init(costPerCall: ["search": 0.5]))
        statistics.observe(.succeeded(duration: .milliseconds(12)))
        statistics.observe(.cacheHit(store: "memory"))
        statistics.observe(.rejected(.bulkheadFull))
        statistics.observe(.breakerTransition(from: .closed, to: .open))
        let snapshot = try #require(statistics.snapshot(tool: search))

        let json = try JSONEncoder().encode(snapshot)
        #expect(try JSONDecoder().decode(ToolStatisticsSnapshot.self, from: json) == snapshot)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains(#""p50Nanoseconds":12000000"#))
    }

    @Test("out-of-range configuration is corrected instead of trapping")
    func configurationIsClamped() {
        let tiny = ToolStatisticsObserver.Configuration(window: .zero, bucketWidth: .nanoseconds(1), maxTools: 0)
        #expect(tiny.effectiveBucketCount == 1)
        #expect(tiny.effectiveBucketNanoseconds == 1_000_000)
        #expect(tiny.effectiveMaxTools == 1)
        let uneven = ToolStatisticsObserver.Configuration(window: .seconds(65), bucketWidth: .seconds(10))
        #expect(uneven.effectiveBucketCount == 7)
        let huge = ToolStatisticsObserver.Configuration(window: .seconds(86_400), bucketWidth: .seconds(1))
        #expect(huge.effectiveBucketCount == ToolStatisticsObserver.Configuration.maxBucketCount)
    }

    private func isClose(_ estimate: Duration, to truth: Duration) -> Bool {
        abs(Double(estimate.nanoseconds - truth.nanoseconds)) <= Double(truth.nanoseconds) / 64
    }
}

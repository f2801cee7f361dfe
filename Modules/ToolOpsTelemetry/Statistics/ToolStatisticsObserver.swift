import Synchronization
import ToolOpsCore

/// An observer that keeps rolling and lifetime statistics per tool, readable in process.
///
/// For every tool (by ``ToolOpsCore/ToolID``: name *and* version, since versions have separate
/// caches and may behave differently) it counts calls, failures, cache hits and misses, stale
/// serves, coalesced calls, upstream calls, retries, timeouts, rejections and breaker
/// transitions, and keeps a latency histogram of finished calls. Each number is kept twice: over a
/// rolling window (``Configuration/window``, 5 minutes by default) and over the tool's lifetime.
/// Read them with ``snapshot(at:)`` or ``snapshot(tool:at:)``.
///
/// Time is the events' own timestamps, so the window follows the tools' clock: an event falls
/// in the time bucket its timestamp says, and a snapshot's window ends at the latest timestamp
/// seen (or at the time you pass). Tests move time by stamping events, with no clock to drive.
///
/// `started` events are not counted (a call counts when it ends), so a tool appears once one of
/// its calls produced any other event. Observation is on every call's hot path, so it is cheap
/// and bounded: a `started` event costs nothing, any other one lock, a dictionary lookup and a
/// few increments, with no allocation once a tool's buckets are warm. Memory is
/// bounded whatever the traffic: a fixed ring of buckets per tool, recycled as time moves on,
/// fixed-size histograms, and at most ``Configuration/maxTools`` tools, the least recently seen
/// forgotten first.
///
/// ```swift
/// let statistics = ToolStatisticsObserver(configuration: .init(costPerCall: ["web_search": 0.005]))
/// let environment = ToolEnvironment(observer: MultiplexObserver([statistics, logger]))
/// // … later, e.g. behind a /stats endpoint:
/// for tool in statistics.snapshot() {
///     print(tool.tool, tool.window.calls, tool.window.hitRate ?? 0, tool.window.latency?.p95 ?? .zero)
/// }
/// ```
public final class ToolStatisticsObserver: ToolObserver {
    /// The configuration the observer was created with.
    public let configuration: Configuration
    /// Bucket width in nanoseconds.
    let bucketNanoseconds: Int64
    let table: Mutex<ToolTable>

    /// Creates an observer with no statistics yet.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        bucketNanoseconds = configuration.effectiveBucketNanoseconds
        table = Mutex(
            ToolTable(maxTools: configuration.effectiveMaxTools, bucketCount: configuration.effectiveBucketCount)
        )
    }

    private static let startedIndex = ToolEvent.Kind.started.index

    /// Counts one event.
    public func observe(_ event: ToolEvent) {
        // Decode the event before taking the lock, to hold it as briefly as possible.
        let kindIndex = event.kind.index
        // No statistic counts starts (calls are counted when they end): skip the lock.
        if kindIndex == Self.startedIndex { return }
        var codeSlot = -1
        var duration: Int64?
        var breakerState: BreakerState?
        switch event.kind {
        case .succeeded(let elapsed):
            duration = elapsed.nanoseconds
        case .failed(let elapsed, let error):
            duration = elapsed.nanoseconds
            codeSlot = EventCounts.failureBase + EventCounts.codeOffset(error.code)
        case .rejected(let code):
            codeSlot = EventCounts.rejectionBase + EventCounts.codeOffset(code)
        case .breakerTransition(_, let to):
            breakerState = to
        default:
            break
        }
        let timestamp = event.timestamp
        let bucket = timestamp.nanosecondsSinceEpoch.floorDivided(by: bucketNanoseconds)
        table.withLock { table in
            let index = table.index(for: event.tool, at: timestamp)
            table.records[index].record(
                bucket: bucket,
                kindIndex: kindIndex,
                codeSlot: codeSlot,
                duration: duration,
                breakerState: breakerState,
                at: timestamp
            )
        }
    }

    /// How many tools are tracked now; never more than ``Configuration/maxTools``.
    public var trackedToolCount: Int {
        table.withLock { $0.records.count }
    }
}

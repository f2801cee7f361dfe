import ToolOpsCore

/// One tool's statistics at one moment: over the rolling window and over its lifetime.
///
/// The window section counts the events stamped from ``windowStart`` up to ``windowEnd`` (the
/// current time bucket and the ones before it, ``ToolStatisticsObserver/Configuration/window``
/// long in all); the lifetime section counts every event since the tool was first seen, or since
/// it was last forgotten to make room for other tools. It is `Codable`, ready to serve as JSON.
///
/// ```swift
/// if let search = statistics.snapshot(tool: ToolID(name: "web_search")) {
///     print(search.window.calls, search.window.errorRate ?? 0, search.lifetime.upstreamCallsSaved)
///     if search.breakerState == .open { print("web_search circuit open") }
/// }
/// let json = try JSONEncoder().encode(statistics.snapshot())
/// ```
public struct ToolStatisticsSnapshot: Sendable, Hashable, Codable {
    /// The tool.
    public var tool: ToolID
    /// Where the window starts: the start of its oldest bucket.
    public var windowStart: Timestamp
    /// Where the window ends: the snapshot's time.
    public var windowEnd: Timestamp
    /// The statistics of the events inside the window.
    public var window: ToolStatistics
    /// The statistics of every event since the tool was first seen.
    public var lifetime: ToolStatistics
    /// The state of the tool's circuit breaker after its last transition; `nil` when no transition
    /// was seen (the breaker, if there is one, is then closed).
    public var breakerState: BreakerState?
    /// When that last transition happened.
    public var breakerChangedAt: Timestamp?
    /// The timestamp of the earliest event seen for the tool.
    public var firstSeen: Timestamp
    /// The timestamp of the latest event seen for the tool.
    public var lastSeen: Timestamp
}

import ToolOpsCore

/// 2024-01-01T00:00:00Z, a multiple of every bucket width the tests use.
let statisticsEpoch = Timestamp(nanosecondsSinceEpoch: 1_704_067_200_000_000_000)

/// An event for `tool`, stamped `offset` after ``statisticsEpoch``.
func statisticsEvent(
    _ kind: ToolEvent.Kind,
    tool: ToolID = ToolID(name: "search"),
    at offset: Duration = .zero,
    callID: UInt64 = 1
) -> ToolEvent {
    ToolEvent(tool: tool, callID: callID, key: nil, timestamp: statisticsEpoch + offset, kind: kind)
}

/// An error with the given code, for `failed`, `retry` and `fallbackUsed` events.
func statisticsError(_ code: ToolError.Code) -> ToolError {
    ToolError(code: code, tool: "search", message: "test failure")
}

extension ToolObserver {
    /// Observes `kind` `times` times for `tool` at `offset`.
    func observe(
        _ kind: ToolEvent.Kind, times: Int = 1, tool: ToolID = ToolID(name: "search"), at offset: Duration = .zero
    ) {
        for _ in 0..<times { observe(statisticsEvent(kind, tool: tool, at: offset)) }
    }
}

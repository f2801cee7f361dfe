import ToolOpsCore

/// The calls a ``ToolLoggingObserver`` tracks, by call id: at most a fixed number.
///
/// When it is full, new calls are not tracked rather than the table growing; their summaries say
/// less (see ``ToolLoggingObserver/Configuration/maxTrackedCalls``). Memory is bounded by the
/// high-water mark, never more than ``capacity`` small entries.
struct LoggingCallTable: Sendable {
    /// The most calls tracked at once.
    let capacity: Int
    private var calls: [UInt64: LoggingCallState] = [:]

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    /// How many calls are tracked now.
    var count: Int { calls.count }

    /// Starts tracking `callID` with an empty state; does nothing if the table is full.
    @inline(__always)
    mutating func start(_ callID: UInt64, arguments: CallArguments?) {
        if calls.count < capacity || calls[callID] != nil {
            calls[callID] = LoggingCallState(arguments: arguments)
        }
    }

    /// Applies `update` to `callID`'s state, if the call is tracked.
    @inline(__always)
    mutating func update(_ callID: UInt64, with update: LoggingCallUpdate) {
        calls[callID]?.apply(update)
    }

    /// Stops tracking `callID` and returns its state, or `nil` if it was not tracked.
    @inline(__always)
    mutating func finish(_ callID: UInt64) -> LoggingCallState? {
        calls.removeValue(forKey: callID)
    }
}

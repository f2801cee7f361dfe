/// Something a stage of a tool's pipeline did, delivered to the environment's ``ToolObserver``.
///
/// Events carry the tool, the call's id and key, but never raw argument values: a sensitive
/// argument cannot leak through an event. A call's start and end events carry ``CallArguments``,
/// whose values are masked; errors inside events are already masked.
public struct ToolEvent: Sendable {
    /// What happened.
    public enum Kind: Sendable {
        /// A call entered the pipeline.
        case started
        /// A fresh cached value answered the call.
        case cacheHit(store: String)
        /// No usable cached value; the call goes on to the upstream.
        case cacheMiss(store: String)
        /// An expired value was served because the live path failed; `age` is its age.
        case staleServed(store: String, age: Duration)
        /// A result was written to the store.
        case cacheWritten(store: String, bytes: Int)
        /// The store failed (down, corrupt entry, misconfigured); the call went on without it.
        case cacheError(store: String, error: ToolError)
        /// This call joined an identical call already in flight instead of calling the upstream.
        case coalesced
        /// Another process filled the entry while this call waited for the store's fill lease;
        /// the call used that result instead of calling the upstream.
        case coalescedRemote(store: String)
        /// Attempt `attempt` failed with `error`; the next attempt starts after `delay`.
        case retry(attempt: Int, delay: Duration, error: ToolError)
        /// The tool's circuit breaker changed state.
        case breakerTransition(from: BreakerState, to: BreakerState)
        /// The call was refused before reaching the upstream (circuit open, rate limited, bulkhead full).
        case rejected(ToolError.Code)
        /// Attempt `attempt` ran past its timeout and was cancelled.
        case timedOut(after: Duration, attempt: Int)
        /// A fallback value answered the call after `error`.
        case fallbackUsed(error: ToolError)
        /// The upstream body was invoked (one attempt of one flight).
        case upstreamCalled(attempt: Int)
        /// The call returned a value.
        case succeeded(duration: Duration)
        /// The call threw `error`.
        case failed(duration: Duration, error: ToolError)
    }

    /// The tool the event is about.
    public let tool: ToolID
    /// The id of the call, unique in this process; correlates the events of one call.
    public let callID: UInt64
    /// The call's key; `nil` when the call ended before its key was derived (invalid arguments,
    /// or refused early by an open circuit).
    public let key: CallKey?
    /// The agent session, when the caller set one.
    public let sessionID: String?
    /// When it happened, by the environment's clock.
    public let timestamp: Timestamp
    /// What happened.
    public let kind: Kind
    /// The call's arguments — names, and values masked — on its `started`, `succeeded` and
    /// `failed` events once they are known (so an observer need not keep them in between), when
    /// the environment's observer or tracing asks for them (``ToolObserver/argumentNeeds``);
    /// `nil` on every other event, and on a call that ended before its arguments were read.
    public let arguments: CallArguments?

    public init(
        tool: ToolID,
        callID: UInt64,
        key: CallKey?,
        sessionID: String? = nil,
        timestamp: Timestamp,
        kind: Kind,
        arguments: CallArguments? = nil
    ) {
        self.tool = tool
        self.callID = callID
        self.key = key
        self.sessionID = sessionID
        self.timestamp = timestamp
        self.kind = kind
        self.arguments = arguments
    }
}

extension ToolEvent.Kind {
    /// The names of every kind, in declaration order; ``index`` points into it.
    public static let allNames = [
        "started", "cache_hit", "cache_miss", "stale_served", "cache_written", "cache_error", "coalesced",
        "coalesced_remote", "retry", "breaker_transition", "rejected", "timed_out", "fallback_used", "upstream_called",
        "succeeded", "failed",
    ]

    /// The kind's position in ``allNames``: a cheap array index for counters.
    public var index: Int {
        switch self {
        case .started: 0
        case .cacheHit: 1
        case .cacheMiss: 2
        case .staleServed: 3
        case .cacheWritten: 4
        case .cacheError: 5
        case .coalesced: 6
        case .coalescedRemote: 7
        case .retry: 8
        case .breakerTransition: 9
        case .rejected: 10
        case .timedOut: 11
        case .fallbackUsed: 12
        case .upstreamCalled: 13
        case .succeeded: 14
        case .failed: 15
        }
    }

    /// A stable short name for the kind ("cache_hit", "retry", …), for logs and metric labels.
    public var name: String {
        switch self {
        case .started: "started"
        case .cacheHit: "cache_hit"
        case .cacheMiss: "cache_miss"
        case .staleServed: "stale_served"
        case .cacheWritten: "cache_written"
        case .cacheError: "cache_error"
        case .coalesced: "coalesced"
        case .coalescedRemote: "coalesced_remote"
        case .retry: "retry"
        case .breakerTransition: "breaker_transition"
        case .rejected: "rejected"
        case .timedOut: "timed_out"
        case .fallbackUsed: "fallback_used"
        case .upstreamCalled: "upstream_called"
        case .succeeded: "succeeded"
        case .failed: "failed"
        }
    }
}

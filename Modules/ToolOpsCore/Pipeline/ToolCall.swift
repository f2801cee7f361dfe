/// One call travelling through a tool's pipeline.
///
/// Middlewares read it, may pass a modified copy on (`attempt`, `stale`), and report what they
/// do through ``emit(_:)``.
public struct ToolCall<Input: ToolValue, Output: ToolValue>: Sendable {
    /// Unique in this process; ties together the events of this call.
    public let id: UInt64
    /// The typed input.
    public let input: Input
    /// The canonical key of (tool, version, arguments).
    public let key: CallKey
    /// The tool's shared descriptor and environment.
    public let context: ToolContext
    /// The caller's per-call options.
    public var options: CallOptions
    /// Masks this call's sensitive values in free text.
    public let redactor: Redactor
    /// When the call entered the pipeline, by the environment's clock.
    public let startedAt: Timestamp
    /// The current attempt, from 1; set by the retry stage.
    public var attempt: Int = 1
    /// An expired cached value the cache found, kept for stale-if-error and fallbacks.
    public var stale: StaleValue<Output>?
    /// The call's span, which receives its events too; `nil` when the call is not traced.
    public var span: (any ToolCallSpan)?

    public init(
        id: UInt64,
        input: Input,
        key: CallKey,
        context: ToolContext,
        options: CallOptions = CallOptions(),
        redactor: Redactor = Redactor(),
        startedAt: Timestamp? = nil,
        span: (any ToolCallSpan)? = nil
    ) {
        self.span = span
        self.startedAt = startedAt ?? context.environment.clock.now()
        self.id = id
        self.input = input
        self.key = key
        self.context = context
        self.options = options
        self.redactor = redactor
    }

    /// The tool's declaration.
    public var descriptor: ToolDescriptor { context.descriptor }
    /// The tool's environment.
    public var environment: ToolEnvironment { context.environment }
    /// The tool's declared name.
    public var toolName: String { context.descriptor.id.name }

    /// Reports `kind` to the environment's observer, stamped with the clock's time now.
    public func emit(_ kind: ToolEvent.Kind) {
        emit(kind, at: context.environment.clock.now())
    }

    /// Reports `kind` stamped with `timestamp`, for a stage that has just read the clock anyway.
    public func emit(_ kind: ToolEvent.Kind, at timestamp: Timestamp) {
        emit(kind, at: timestamp, arguments: nil)
    }

    /// Reports `kind` with the call's arguments: the tool does so for its start and its end.
    public func emit(_ kind: ToolEvent.Kind, at timestamp: Timestamp, arguments: CallArguments?) {
        emit(
            ToolEvent(
                tool: key.tool,
                callID: id,
                key: key,
                sessionID: options.sessionID,
                timestamp: timestamp,
                kind: kind,
                arguments: arguments
            )
        )
    }

    /// Reports `event` to the environment's observer and to the call's span.
    public func emit(_ event: ToolEvent) {
        context.environment.observer.observe(event)
        span?.record(event)
    }

    /// What the environment's tracing is told about this call.
    public var traced: TracedCall {
        TracedCall(context: context, callID: id, options: options)
    }

    /// `error` as a ``ToolError`` of this tool, with this call's secrets masked.
    public func classify(_ error: any Error) -> ToolError {
        ToolError.classify(error, tool: toolName, redactor: redactor)
    }
}

/// A cached value past its freshness, still inside its stale-if-error window.
public struct StaleValue<Output: Sendable>: Sendable {
    /// The value.
    public let value: Output
    /// The store it came from.
    public let store: String
    /// When it was stored.
    public let storedAt: Timestamp
    /// Until when it may be served on error.
    public let staleUntil: Timestamp

    public init(value: Output, store: String, storedAt: Timestamp, staleUntil: Timestamp) {
        self.value = value
        self.store = store
        self.storedAt = storedAt
        self.staleUntil = staleUntil
    }
}

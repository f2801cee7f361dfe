/// Runs tool calls, and each upstream attempt of them, inside spans: the seam where distributed
/// tracing plugs in.
///
/// An observer sees events but cannot wrap the work that follows them; tracing has to, so that a
/// span is *current* while the call runs and a tool called from inside another tool's body
/// becomes its child. A tool asks its environment's ``ToolEnvironment/tracing`` to run:
///
/// - the whole call in ``withCallSpan(_:_:)`` — the events of the call are also handed to the
///   ``ToolCallSpan`` it provides, so that cache hits, retries and errors land on the span;
/// - each attempt in ``withAttemptSpan(_:attempt:_:)``, nested in the call's: its timeout stage
///   and the body (the span opens at ``PipelineStage/attemptSpan``, so a timeout is the attempt's
///   error, not the cancellation the body saw).
///
/// Errors reaching a span are ``ToolError``s whose messages are already masked; argument values
/// are never given to a tracer except, masked, through ``CallArguments``.
///
/// ToolOpsTelemetry's `ToolTracer` implements this with swift-distributed-tracing.
public protocol ToolTracing: Sendable {
    /// Whether spans are recorded at all. When `false`, tools built with this tracing never call
    /// it: their calls cost what untraced calls cost. Read once, when a tool is built.
    var isRecording: Bool { get }

    /// On which events call spans read ``ToolEvent/arguments`` (see ``ToolObserver/argumentNeeds``).
    var argumentNeeds: ArgumentNeeds { get }

    /// Runs `operation` — the whole call — inside a span for it.
    ///
    /// Pass `operation` the span that should receive the call's events, or `nil` when nothing
    /// is recorded (a tracer that drops everything).
    func withCallSpan<Output: Sendable>(
        _ call: TracedCall,
        _ operation: (_ span: (any ToolCallSpan)?) async throws -> Output
    ) async throws -> Output

    /// Runs `operation` — one attempt: its timeout and the tool's body — inside a span for it.
    func withAttemptSpan<Output: Sendable>(
        _ call: TracedCall,
        attempt: Int,
        _ operation: () async throws -> Output
    ) async throws -> Output
}

/// The span of one tool call, as the pipeline sees it: somewhere to put the call's events.
public protocol ToolCallSpan: AnyObject, Sendable {
    /// Called once per event of the call, right after the environment's observer.
    func record(_ event: ToolEvent)
}

extension ToolTracing {
    /// Recording, unless the conforming type says otherwise.
    public var isRecording: Bool { true }

    /// None, unless the conforming type says otherwise.
    public var argumentNeeds: ArgumentNeeds { [] }
}

/// What a tracer is told about a call when its span starts.
public struct TracedCall: Sendable {
    /// The tool's descriptor and environment.
    public let context: ToolContext
    /// The call's id, unique in this process; the same as its events'.
    public let callID: UInt64
    /// The caller's options: the agent session and the model's tool-call id, when set.
    public let options: CallOptions

    public init(context: ToolContext, callID: UInt64, options: CallOptions = CallOptions()) {
        self.context = context
        self.callID = callID
        self.options = options
    }

    /// The agent session, when the caller set one.
    public var sessionID: String? { options.sessionID }
    /// The model's id for this tool call, when the caller passed one.
    public var toolCallID: String? { options.toolCallID }

    /// The tool's declaration.
    public var descriptor: ToolDescriptor { context.descriptor }
}

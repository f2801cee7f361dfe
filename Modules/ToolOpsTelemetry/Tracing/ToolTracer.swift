import ToolOpsCore
import Tracing

/// Traces tool calls with swift-distributed-tracing: a span per call, a child span per upstream
/// attempt, errors recorded, attributes after OpenTelemetry's GenAI conventions.
///
/// Put it in a tool's environment; spans go to the tracer given here or, by default, to the one
/// bootstrapped in `InstrumentationSystem` (swift-otel's, for instance) when the `ToolTracer` is
/// created — bootstrap first, as with swift-log's `LoggingSystem`:
///
/// ```swift
/// InstrumentationSystem.bootstrap(otelTracer)     // once, at start-up
/// let environment = ToolEnvironment(observer: metrics, tracing: ToolTracer())
/// ```
///
/// **Spans.** A call is a span named `execute_tool <tool>` of kind `internal`; each attempt (its
/// timeout and the tool's body) is a child named `<tool> attempt <n>`, whose error is the
/// attempt's own (`timeout` when it timed out). While a span runs it is the current one
/// (`InstrumentationContext.current`), so a tool called inside another tool's body — or an HTTP
/// client instrumented with swift-distributed-tracing — nests under it, and log records written
/// meanwhile carry its ids through a `Logger.MetadataProvider` such as swift-otel's.
///
/// **Attributes** of the call span (see ``ToolSpanAttribute``): `gen_ai.operation.name`
/// (`execute_tool`), `gen_ai.tool.name`, `gen_ai.tool.type` (`function`), `gen_ai.tool.call.id`
/// (the model's id for the call, from `CallOptions.toolCallID`), `gen_ai.tool.description`,
/// `gen_ai.conversation.id` (the call's session), `toolops.call.id`, `toolops.tool.version`,
/// `toolops.cache` (`hit`, `miss`, `stale`, `coalesced`, `coalesced_remote`), `toolops.cache.store`,
/// `toolops.upstream.attempts`, and on failure `error.type` (the ``ToolError/Code-swift.struct``)
/// with status `error`. Retries, timeouts, rejections, breaker transitions, stale serves, cache
/// errors and fallbacks are span events. Argument values are recorded only when
/// ``Configuration-swift.struct/recordsArguments`` is on, and then masked
/// (`gen_ai.tool.call.arguments`); errors are ``ToolError``s, already masked.
///
/// With swift-distributed-tracing's `NoOpTracer` (nothing bootstrapped) no span is created at all.
/// A call then costs one branch more than without a tracer.
public struct ToolTracer: ToolTracing {
    /// What the tracer records.
    public struct Configuration: Sendable {
        /// Whether the call span carries the call's arguments, masked, as
        /// `gen_ai.tool.call.arguments` (an opt-in attribute of the GenAI conventions). Default `false`.
        public var recordsArguments: Bool

        public init(recordsArguments: Bool = false) {
            self.recordsArguments = recordsArguments
        }
    }

    /// The configuration the tracer was created with.
    public let configuration: Configuration
    // `nil` when the tracer records nothing (swift-distributed-tracing's NoOpTracer): calls then
    // skip spans entirely, at the cost of one branch.
    private let tracer: (any Tracer)?

    /// A tracer writing to `tracer`, or when `nil` to `InstrumentationSystem.tracer` as it is now.
    public init(tracer: (any Tracer)? = nil, configuration: Configuration = Configuration()) {
        let resolved = tracer ?? InstrumentationSystem.tracer
        self.tracer = resolved is NoOpTracer ? nil : resolved
        self.configuration = configuration
    }

    /// Whether spans are recorded: `false` when the tracer is swift-distributed-tracing's `NoOpTracer`.
    public var isRecording: Bool { tracer != nil }

    /// The `started` event when ``Configuration-swift.struct/recordsArguments`` is on: the call
    /// span records them as it starts.
    public var argumentNeeds: ArgumentNeeds { configuration.recordsArguments ? .start : [] }

    public func withCallSpan<Output: Sendable>(
        _ call: TracedCall,
        _ operation: ((any ToolCallSpan)?) async throws -> Output
    ) async throws -> Output {
        guard let tracer else { return try await operation(nil) }
        return try await Self.withCallSpan(call, tracer: tracer, configuration: configuration, operation)
    }

    public func withAttemptSpan<Output: Sendable>(
        _ call: TracedCall,
        attempt: Int,
        _ operation: () async throws -> Output
    ) async throws -> Output {
        guard let tracer else { return try await operation() }
        return try await Self.withAttemptSpan(call, attempt: attempt, tracer: tracer, operation)
    }

    private static func withCallSpan<T: Tracer, Output: Sendable>(
        _ call: TracedCall,
        tracer: T,
        configuration: Configuration,
        _ operation: ((any ToolCallSpan)?) async throws -> Output
    ) async throws -> Output {
        let name = call.descriptor.name
        let span = tracer.startSpan("execute_tool \(name)", context: .current ?? .topLevel, ofKind: .internal)
        defer { span.end() }
        ToolSpanAttribute.describe(call, on: span)
        let recorder = ToolSpanRecorder(span: span, recordsArguments: configuration.recordsArguments)
        // The pipeline records its own failure (the `failed` event, masked); nothing to add here.
        return try await InstrumentationContext.$current.withValue(span.context) {
            try await operation(recorder)
        }
    }

    private static func withAttemptSpan<T: Tracer, Output: Sendable>(
        _ call: TracedCall,
        attempt: Int,
        tracer: T,
        _ operation: () async throws -> Output
    ) async throws -> Output {
        let name = call.descriptor.name
        let span = tracer.startSpan("\(name) attempt \(attempt)", context: .current ?? .topLevel, ofKind: .internal)
        defer { span.end() }
        span.attributes[ToolSpanAttribute.toolName] = name
        span.attributes[ToolSpanAttribute.callID] = String(call.callID)
        span.attributes[ToolSpanAttribute.attempt] = attempt
        do {
            return try await InstrumentationContext.$current.withValue(span.context) {
                try await operation()
            }
        } catch {
            // The body's error arrives classified and masked (a ToolError); a cancellation is not one.
            if let toolError = error as? ToolError {
                span.attributes[ToolSpanAttribute.errorType] = toolError.code.description
                span.recordError(toolError.withoutUnderlying)
                span.setStatus(SpanStatus(code: .error, message: toolError.message))
            } else {
                span.setStatus(SpanStatus(code: .error))
            }
            throw error
        }
    }
}

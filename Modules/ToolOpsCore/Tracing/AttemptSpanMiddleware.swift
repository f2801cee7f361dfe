/// Runs each attempt — the timeout stage and the tool's body — inside a span from the
/// environment's tracing. A tool adds it at ``PipelineStage/attemptSpan`` when it is traced.
///
/// Sitting outside the timeout, the span ends with the attempt's verdict (`timeout`), not with
/// the cancellation the body saw; inside the retry and breaker stages, a refused attempt opens
/// no span.
struct AttemptSpanMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware, PassThroughStage {
    func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output {
        guard let tracing = call.context.tracing else { return try await next(call) }
        return try await tracing.withAttemptSpan(call.traced, attempt: call.attempt) {
            try await next(call)
        }
    }
}

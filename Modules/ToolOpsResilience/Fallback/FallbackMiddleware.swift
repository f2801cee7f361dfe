import ToolOpsCore

/// Answers a failed call with a fallback value instead of the error.
///
/// Add it at ``PipelineStage/fallback``: outside coalescing, admission, retries and the breaker,
/// so it sees the call's final error — after the retries gave up, or when the circuit is open or
/// the bulkhead full — and, when the cache found an expired entry, that stale value
/// (``ToolCall/stale``). The handler decides: return a value to answer the call, or throw to fail
/// it (rethrowing the error it was given keeps the original failure).
///
/// A call cancelled by its caller is never answered by a fallback. When the handler answers,
/// the middleware emits ``ToolEvent/Kind/fallbackUsed(error:)``.
///
/// ```swift
/// pipeline.add(FallbackMiddleware { error, stale, query in
///     if let stale { return stale.value }
///     return Forecast.unavailable(for: query.city)
/// }, at: .fallback)
/// ```
public struct FallbackMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
    /// Produces the answer for a failed call from its error, the stale value if any, and its input.
    public typealias Handler = @Sendable (ToolError, StaleValue<Output>?, Input) async throws -> Output

    private let handler: Handler

    /// Creates the middleware with a handler that answers failed calls.
    public init(handler: @escaping Handler) {
        self.handler = handler
    }

    /// A fallback that answers every failed call with `value`.
    ///
    /// ```swift
    /// pipeline.add(FallbackMiddleware.value([]), at: .fallback)
    /// ```
    public static func value(_ value: Output) -> FallbackMiddleware {
        FallbackMiddleware { _, _, _ in value }
    }

    /// Passes the call on and, if it fails for any reason but cancellation, asks the handler.
    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
    {
        do {
            return try await next(call)
        } catch {
            let failure = call.classify(error)
            guard failure.code != .cancelled, !Task.isCancelled else {
                throw failure.code == .cancelled ? failure : ToolError.cancelled(tool: call.toolName)
            }
            let output: Output
            do {
                output = try await handler(failure, call.stale, call.input)
            } catch {
                throw call.classify(error)
            }
            call.emit(.fallbackUsed(error: failure))
            return output
        }
    }
}

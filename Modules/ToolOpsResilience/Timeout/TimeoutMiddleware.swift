import ToolOpsCore

/// Bounds each attempt of a call by a timeout on the environment's clock.
///
/// Add it at ``PipelineStage/timeout``, inside the retry loop and the circuit breaker, so each
/// attempt gets the full timeout and a timed-out attempt counts as a breaker failure and may be
/// retried.
///
/// The attempt races a sleep on the clock in a task group. When the sleep wins, the attempt is
/// cancelled — cooperatively: the body sees `Task.isCancelled` or a `CancellationError` from its
/// awaits, and the middleware waits for it to wind down, so no work outlives the call. Then it
/// emits ``ToolEvent/Kind/timedOut(after:attempt:)`` and throws a retryable ``ToolError`` with
/// code `timeout`. When the caller is cancelled instead, the call ends as cancelled, not as a timeout.
///
/// ```swift
/// pipeline.add(TimeoutMiddleware(timeout: .seconds(5)), at: .timeout)
/// ```
public struct TimeoutMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
    /// The longest one attempt may take.
    public let timeout: Duration

    /// Creates the middleware; a timeout of zero or less times out every attempt at once.
    public init(timeout: Duration) {
        self.timeout = timeout
    }

    private enum Finish: Sendable {
        case body(Result<Output, any Error>)
        case timer(fired: Bool)
    }

    /// Runs one attempt, cancelling it and throwing `timeout` if it outlasts ``timeout``.
    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output {
        let outcome = await race(call, next: next, clock: call.environment.clock)
        guard let outcome else {
            if Task.isCancelled { throw ToolError.cancelled(tool: call.toolName) }
            call.emit(.timedOut(after: timeout, attempt: call.attempt))
            throw ToolError(
                code: .timeout,
                tool: call.toolName,
                message: "attempt \(call.attempt) timed out after \(timeout); the body was cancelled",
                isRetryable: true
            )
        }
        return try outcome.get()
    }

    /// The body's result, or `nil` when the timer fired first.
    private func race(
        _ call: ToolCall<Input, Output>,
        next: @escaping ToolNext<Input, Output>,
        clock: any ToolClock
    ) async -> Result<Output, any Error>? {
        let timeout = timeout
        return await withTaskGroup(of: Finish.self, returning: Result<Output, any Error>?.self) { group in
            group.addTask {
                do { return .body(.success(try await next(call))) } catch { return .body(.failure(error)) }
            }
            group.addTask {
                do {
                    try await clock.sleep(for: timeout)
                    return .timer(fired: true)
                } catch {
                    return .timer(fired: false)
                }
            }
            while let finish = await group.next() {
                switch finish {
                case .body(let result):
                    group.cancelAll()
                    return result
                case .timer(fired: true):
                    // Cancel the body and wait for it to wind down (leaving the group does).
                    group.cancelAll()
                    return nil
                case .timer(fired: false):
                    // The caller was cancelled: the body is cancelled too; report what it ends with.
                    continue
                }
            }
            return nil
        }
    }
}

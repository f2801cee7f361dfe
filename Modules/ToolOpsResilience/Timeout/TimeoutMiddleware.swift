import Synchronization
import ToolOpsCore

/// Bounds each attempt of a call by a timeout on the environment's clock.
///
/// Add it at ``PipelineStage/timeout``, inside the retry loop and the circuit breaker, so each
/// attempt gets the full timeout and a timed-out attempt counts as a breaker failure and may be
/// retried.
///
/// The attempt runs in a task started with `Task.immediate`, so an attempt that completes without
/// suspending (a cache-fed or in-memory body) never arms a timer. One that suspends gets a
/// deadline on a shared ``DeadlineTimer``. When the deadline passes first, the attempt is
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
    private let timer = DeadlineTimer()

    /// Creates the middleware; a timeout of zero or less times out every attempt at once.
    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// Runs one attempt, cancelling it and throwing `timeout` if it outlasts ``timeout``.
    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
    {
        let clock = call.environment.clock
        let deadline = clock.now().advanced(by: timeout)
        if timeout <= .zero { return try timedOut(call) }
        let completion = Completion()
        // Type-erased so the task machinery runs as concrete code, not unspecialised generics.
        let attempt = Task.immediate { () async throws -> any Sendable in
            defer { completion.finish() }
            return try await next(call)
        }
        // Finished without suspending: nothing to time.
        if completion.isFinished { return try await attempt.value as! Output }
        let ticket = timer.schedule(at: deadline, clock: clock) { attempt.cancel() }
        let result = await withTaskCancellationHandler {
            await attempt.result
        } onCancel: {
            attempt.cancel()
        }
        let fired = timer.finish(ticket)
        if case .failure = result, fired, !Task.isCancelled {
            return try timedOut(call)
        }
        return try result.get() as! Output
    }

    private func timedOut(_ call: ToolCall<Input, Output>) throws -> Output {
        call.emit(.timedOut(after: timeout, attempt: call.attempt))
        throw ToolError(
            code: .timeout,
            tool: call.toolName,
            message: "attempt \(call.attempt) timed out after \(timeout); the body was cancelled",
            isRetryable: true
        )
    }
}

/// Set once when an attempt's task ends.
private final class Completion: Sendable {
    private let done = Atomic<Bool>(false)

    func finish() { done.store(true, ordering: .releasing) }

    var isFinished: Bool { done.load(ordering: .acquiring) }
}

extension TimeoutMiddleware: PassThroughStage {}

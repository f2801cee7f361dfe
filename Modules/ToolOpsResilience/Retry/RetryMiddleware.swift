import ToolOpsCore

/// Tries a failed call again, with backoff, as its ``RetryPolicy`` allows.
///
/// Add it at ``PipelineStage/retry``: it sits inside admission control and outside the circuit
/// breaker and the timeout, so every attempt passes the breaker and gets its own timeout, and an
/// open circuit ends the loop at once.
///
/// For each attempt the middleware sets ``ToolCall/attempt`` and calls the rest of the pipeline.
/// After a failure it stops when the error is not retryable, the attempts are used up, or the
/// next attempt would start past the policy's deadline. Otherwise it emits
/// ``ToolEvent/Kind/retry(attempt:delay:error:)`` and sleeps on the environment's clock; the delay
/// is the policy's backoff with jitter from the environment's random source, and at least the
/// upstream's `retryAfter` when it gave one. Cancellation while waiting ends the call as cancelled.
///
/// A side-effect tool that is not declared idempotent is called exactly once, unless the call
/// carries ``CallOptions/idempotencyKey``: repeating a payment or an email is not ours to decide.
///
/// ```swift
/// var pipeline = ToolPipeline<Query, Report>()
/// pipeline.add(RetryMiddleware(policy: RetryPolicy(maxAttempts: 4)), at: .retry)
/// ```
public struct RetryMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
    /// When and how often to try again.
    public let policy: RetryPolicy

    /// Creates the middleware.
    public init(policy: RetryPolicy = RetryPolicy()) {
        self.policy = policy
    }

    /// Runs the call's attempts until one succeeds or the policy gives up; throws the last error.
    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
    {
        guard policy.maxAttempts > 1, Self.mayRepeat(call) else {
            return try await next(call)
        }
        let environment = call.environment
        let clock = environment.clock
        let budgetEnd = policy.deadline.map { clock.now().advanced(by: $0) }
        var attemptCall = call
        var attempt = 1
        while true {
            attemptCall.attempt = attempt
            let error: ToolError
            do {
                return try await next(attemptCall)
            } catch let caught {
                error = call.classify(caught)
            }
            guard attempt < policy.maxAttempts, isRetryable(error) else { throw error }
            if Task.isCancelled { throw ToolError.cancelled(tool: call.toolName) }
            let delay = delay(after: attempt, error: error, random: environment.random)
            if let budgetEnd, clock.now().advanced(by: delay) > budgetEnd { throw error }
            call.emit(.retry(attempt: attempt, delay: delay, error: error))
            do {
                try await clock.sleep(for: delay)
            } catch {
                throw ToolError.cancelled(tool: call.toolName)
            }
            attempt += 1
        }
    }

    /// Whether repeating `call` is safe: the tool is idempotent or the caller gave an idempotency key.
    static func mayRepeat(_ call: ToolCall<Input, Output>) -> Bool {
        call.descriptor.effect.isIdempotent || call.options.idempotencyKey != nil
    }

    // Caller errors and an open circuit end the loop whatever the policy's predicate says.
    private func isRetryable(_ error: ToolError) -> Bool {
        guard !error.isCallerError, error.code != .circuitOpen else { return false }
        return policy.shouldRetry(error)
    }

    // The backoff, raised to the upstream's retry-after; that may exceed `maxDelay` (the deadline
    // still applies).
    private func delay(after attempt: Int, error: ToolError, random: any RandomSource) -> Duration {
        let backoff = policy.delay(afterAttempt: attempt, random: random)
        guard let retryAfter = error.retryAfter else { return backoff }
        return max(backoff, retryAfter)
    }
}

extension RetryMiddleware: PassThroughStage {}

import ToolOpsCore

/// Passes each attempt of a call through a ``CircuitBreaker``.
///
/// Add it at ``PipelineStage/breaker``, inside the retry loop: every attempt asks the breaker
/// for a permit, so each failed attempt counts as a failure, and an open circuit refuses the next
/// attempt with a non-retryable `circuitOpen` error that ends the retry loop at once.
///
/// A refusal emits ``ToolEvent/Kind/rejected(_:)``; every state change — including open →
/// half-open on the first call after the recovery time — emits
/// ``ToolEvent/Kind/breakerTransition(from:to:)``. Durations come from the environment's clock.
/// Caller errors (invalid arguments, cancellation) are recorded as ignored.
///
/// ```swift
/// let breakers = BreakerRegistry()
/// let breaker = breakers.breaker(for: descriptor.id, configuration: .init())
/// pipeline.add(CircuitBreakerMiddleware(breaker: breaker), at: .breaker)
/// ```
public struct CircuitBreakerMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
    /// The breaker the attempts pass through.
    public let breaker: CircuitBreaker

    /// Creates the middleware; give each tool its own breaker.
    public init(breaker: CircuitBreaker) {
        self.breaker = breaker
    }

    /// Runs one attempt with the breaker's permit and records how it ended.
    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
    {
        let clock = call.environment.clock
        let start = clock.now()
        let permit: CircuitBreaker.Permit
        do {
            permit = try breaker.acquire(now: start)
        } catch {
            var refusal = error
            refusal.tool = call.toolName
            call.emit(.rejected(.circuitOpen))
            throw refusal
        }
        report(permit.transition, call)
        do {
            let output = try await next(call)
            let end = clock.now()
            report(breaker.record(permit, outcome: .success, duration: start.duration(to: end), now: end), call)
            return output
        } catch {
            let toolError = call.classify(error)
            // A cancelled caller says nothing about the upstream, whatever error the body surfaced.
            let outcome: CircuitBreaker.Outcome =
                toolError.isCallerError || Task.isCancelled ? .ignored : .failure
            let end = clock.now()
            report(breaker.record(permit, outcome: outcome, duration: start.duration(to: end), now: end), call)
            throw toolError
        }
    }

    private func report(_ transition: CircuitBreaker.Transition?, _ call: ToolCall<Input, Output>) {
        guard let transition else { return }
        call.emit(.breakerTransition(from: transition.from, to: transition.to))
    }
}

extension CircuitBreakerMiddleware: EarlyRejecting {
    /// Refuses calls while the circuit is open, so a tool with nothing before the breaker that
    /// could answer fails fast without deriving the call's key.
    public func earlyRejection(at now: Timestamp) -> ToolError? {
        breaker.rejectionIfOpen(now: now)
    }
}

import Synchronization
import ToolOpsCore

/// Stops calling an upstream that keeps failing, and lets it recover in peace.
///
/// A breaker starts *closed*: calls flow and their outcomes are counted. When the configured rule
/// trips (by default 5 failures in a row), it *opens*: calls fail fast with `circuitOpen` and a
/// `retryAfter` of the time left. Once ``Configuration/recoveryTimeout`` has passed, the next call
/// finds it *half-open* and goes through as a probe, with at most
/// ``Configuration/halfOpenMaxProbes`` probes in flight; that many successes close the circuit and
/// one failure opens it again.
///
/// The breaker reads no clock of its own: callers pass the time, so it follows whatever clock
/// the tool's environment uses. One breaker belongs to one tool (see ``BreakerRegistry``).
/// Caller errors are recorded as ``Outcome/ignored`` and never count as failures.
///
/// ```swift
/// let breaker = CircuitBreaker(configuration: .init(mode: .consecutiveFailures(threshold: 3)))
/// let permit = try breaker.acquire(now: clock.now())
/// // … make the call …
/// breaker.record(permit, outcome: .success, duration: elapsed, now: clock.now())
/// ```
///
/// Within a pipeline, ``CircuitBreakerMiddleware`` does this once per attempt.
public final class CircuitBreaker: Sendable {
    /// The configuration the breaker was made with.
    public let configuration: Configuration
    private let machine: Mutex<BreakerMachine>

    /// Creates a closed breaker.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        machine = Mutex(BreakerMachine(configuration))
    }

    /// Asks leave to make one call at `now`.
    ///
    /// Moves an open breaker whose recovery time has passed to half-open (reported in
    /// ``Permit/transition``) and makes the call a probe.
    ///
    /// - Throws: a ``ToolError`` with code `circuitOpen`, not retryable, when the circuit is open —
    ///   with `retryAfter` set to the time it stays open — or when it is half-open and every probe
    ///   slot is taken (no `retryAfter`: the probes in flight decide).
    public func acquire(now: Timestamp) throws(ToolError) -> Permit {
        switch machine.withLock({ $0.acquire(now: now) }) {
        case .granted(let permit):
            return permit
        case .refused(let retryAfter?, _):
            throw Self.openError(retryAfter: retryAfter)
        case .refused(nil, let probes):
            throw ToolError(
                code: .circuitOpen,
                message:
                    "the circuit breaker is half-open and its \(probes) probe call(s) are in flight; try again shortly",
                isRetryable: false
            )
        }
    }

    /// The refusal for a call at `now` if the circuit is open and not yet due for a probe; `nil`
    /// otherwise. Takes no permit: a call it lets through still calls ``acquire(now:)``.
    public func rejectionIfOpen(now: Timestamp) -> ToolError? {
        machine.withLock { $0.refuseIfOpen(now: now) }.map { Self.openError(retryAfter: $0) }
    }

    private static func openError(retryAfter: Duration) -> ToolError {
        ToolError(
            code: .circuitOpen,
            // A fixed message: formatting the duration here would cost more than the whole
            // rejection; `retryAfter` carries it, and `description` shows it.
            message: "the circuit breaker is open after repeated upstream failures; calls fail fast until it probes",
            isRetryable: false,
            retryAfter: retryAfter
        )
    }

    /// Records how the call made with `permit` ended, and returns the state change it caused.
    ///
    /// `duration` is how long the call took; a success longer than
    /// ``Configuration/slowCallThreshold`` counts as a failure. `now` is when it ended, the start
    /// of the recovery time if the circuit opens.
    @discardableResult
    public func record(_ permit: Permit, outcome: Outcome, duration: Duration, now: Timestamp) -> Transition? {
        machine.withLock { $0.record(permit, outcome: outcome, duration: duration, now: now) }
    }

    /// The current state.
    ///
    /// An open breaker whose recovery time has passed still reads `open` until the next call
    /// acquires a permit and makes it half-open.
    public var state: BreakerState {
        machine.withLock { $0.state }
    }

    /// Counters since the breaker was created, with the current state.
    public var statistics: Statistics {
        machine.withLock { $0.statistics }
    }

    /// Closes the circuit by hand and clears the failure counts (not the statistics).
    ///
    /// Calls in flight when it happens no longer move the breaker.
    ///
    /// - Returns: the state change, or `nil` when the breaker was already closed.
    @discardableResult
    public func reset() -> Transition? {
        machine.withLock { $0.reset() }
    }
}

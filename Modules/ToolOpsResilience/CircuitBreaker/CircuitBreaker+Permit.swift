import ToolOpsCore

extension CircuitBreaker {
    /// Leave to make one call through a circuit breaker, returned by ``CircuitBreaker/acquire(now:)``.
    ///
    /// Hand it back with ``CircuitBreaker/record(_:outcome:duration:now:)`` when the call ends, exactly
    /// once: a half-open breaker keeps a probe slot for it until then. A permit from before a state
    /// change (say, a call that started while closed and ends after the circuit opened) no longer
    /// moves the breaker; it only counts in the statistics.
    public struct Permit: Sendable, Hashable {
        /// The breaker's epoch when the permit was granted; bumped by every state change.
        let generation: UInt64
        /// Whether the call is a half-open probe.
        public let isProbe: Bool
        /// The state change granting the permit caused (open → half-open once the recovery time
        /// has passed), for the caller to report.
        public let transition: Transition?
    }

    /// How a call through the breaker ended.
    public enum Outcome: Sendable, Hashable {
        /// The call succeeded (it still counts as a failure when slower than the slow-call threshold).
        case success
        /// The upstream failed or timed out.
        case failure
        /// The call ended for a reason that says nothing about the upstream — a caller error or
        /// cancellation. It counts neither way and frees a half-open probe slot.
        case ignored
    }

    /// A change of a breaker's state.
    public struct Transition: Sendable, Hashable, CustomStringConvertible {
        /// The state before.
        public let from: BreakerState
        /// The state after.
        public let to: BreakerState

        /// Creates a transition.
        public init(from: BreakerState, to: BreakerState) {
            self.from = from
            self.to = to
        }

        /// `from → to`, as in `closed → open`.
        public var description: String { "\(from) → \(to)" }
    }
}

import ToolOpsCore

extension CircuitBreaker {
    /// What a circuit breaker has seen since it was created (a manual reset keeps the counters).
    public struct Statistics: Sendable, Hashable, Codable {
        /// The state now.
        public var state: BreakerState = .closed
        /// Calls recorded as successes (slow successes are counted as failures instead).
        public var successes = 0
        /// Calls recorded as failures, slow calls included.
        public var failures = 0
        /// Successful calls slower than the slow-call threshold.
        public var slowCalls = 0
        /// Calls recorded as ignored: caller errors and cancellations.
        public var ignored = 0
        /// Calls refused because the circuit was open or no probe slot was free.
        public var rejections = 0
        /// How many times the circuit opened.
        public var timesOpened = 0

        /// Creates statistics, all zero and closed by default.
        public init(
            state: BreakerState = .closed,
            successes: Int = 0,
            failures: Int = 0,
            slowCalls: Int = 0,
            ignored: Int = 0,
            rejections: Int = 0,
            timesOpened: Int = 0
        ) {
            self.state = state
            self.successes = successes
            self.failures = failures
            self.slowCalls = slowCalls
            self.ignored = ignored
            self.rejections = rejections
            self.timesOpened = timesOpened
        }
    }
}

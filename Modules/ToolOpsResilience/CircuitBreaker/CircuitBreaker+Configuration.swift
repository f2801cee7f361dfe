import ToolOpsCore

extension CircuitBreaker {
    /// When a circuit breaker opens, how long it stays open, and how it probes for recovery.
    ///
    /// The defaults mirror the Python reference: open after 5 consecutive failures, probe with one
    /// call after 30 seconds, no slow-call rule.
    ///
    /// ```swift
    /// let configuration = CircuitBreaker.Configuration(
    ///     mode: .failureRate(threshold: 0.5, windowSize: 20, minimumCalls: 10),
    ///     recoveryTimeout: .seconds(10),
    ///     slowCallThreshold: .seconds(2))
    /// ```
    public struct Configuration: Sendable, Hashable {
        /// The rule that opens a closed circuit.
        public enum Mode: Sendable, Hashable {
            /// Open after `threshold` failures in a row (at least 1); a success starts the count again.
            case consecutiveFailures(threshold: Int)
            /// Open when, over the last `windowSize` outcomes, at least `minimumCalls` were seen and
            /// the share of failures reached `threshold` (a fraction in `0...1`, such as 0.5).
            ///
            /// `windowSize` is at least 1; `minimumCalls` is between 1 and `windowSize`.
            case failureRate(threshold: Double, windowSize: Int, minimumCalls: Int)
        }

        /// The rule that opens the circuit. Default: 5 consecutive failures.
        public var mode: Mode
        /// How long the circuit stays open before it lets probe calls through. Default 30 s.
        public var recoveryTimeout: Duration
        /// How many probe calls may be in flight at once while half-open (at least 1); that many
        /// successes close the circuit and one failure reopens it. Default 1.
        public var halfOpenMaxProbes: Int
        /// A successful call slower than this counts as a failure; `nil` (the default) for no such rule.
        public var slowCallThreshold: Duration?

        /// Creates a configuration.
        public init(
            mode: Mode = .consecutiveFailures(threshold: 5),
            recoveryTimeout: Duration = .seconds(30),
            halfOpenMaxProbes: Int = 1,
            slowCallThreshold: Duration? = nil
        ) {
            self.mode = mode
            self.recoveryTimeout = recoveryTimeout
            self.halfOpenMaxProbes = halfOpenMaxProbes
            self.slowCallThreshold = slowCallThreshold
        }
    }
}

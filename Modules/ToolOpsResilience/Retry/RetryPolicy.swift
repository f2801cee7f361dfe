import ToolOpsCore

/// How a failed call is tried again: how often, how long to wait, and which errors qualify.
///
/// The wait after attempt *n* is `initialDelay × multiplierⁿ⁻¹`, capped at ``maxDelay``, then
/// spread by ``jitter`` so that many clients failing together do not retry in lockstep. When the
/// upstream says how long to wait (``ToolError/retryAfter``), the retry loop waits at least that
/// long. An optional ``deadline`` bounds the whole loop, measured from the start of the first attempt.
///
/// The defaults — 3 attempts, 100 ms doubling up to 10 s, full jitter, no deadline — suit a
/// typical HTTP API.
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(200), deadline: .seconds(5))
/// pipeline.add(RetryMiddleware(policy: policy), at: .retry)
/// ```
public struct RetryPolicy: Sendable {
    /// How a backoff delay is randomised.
    ///
    /// With a random value `u` in `0..<1` from the environment's ``RandomSource``:
    /// ``none`` waits the full backoff, ``full`` waits `backoff × u`, and ``equal`` waits
    /// `backoff / 2 + backoff / 2 × u`. Full jitter spreads clients best; equal jitter keeps a floor.
    public enum Jitter: Sendable, Hashable {
        /// No randomness: wait exactly the backoff.
        case none
        /// Wait a uniformly random time between zero and the backoff.
        case full
        /// Wait half the backoff plus a uniformly random part of the other half.
        case equal
    }

    /// The most attempts made in all, counting the first. At least 1; default 3.
    public var maxAttempts: Int
    /// The backoff before the second attempt. Default 100 ms.
    public var initialDelay: Duration
    /// The factor the backoff grows by after each attempt. At least 1; default 2.
    public var multiplier: Double
    /// The longest backoff (before jitter). Default 10 s.
    ///
    /// A longer `retryAfter` from the upstream is still honoured, within ``deadline``.
    public var maxDelay: Duration
    /// How the backoff is randomised. Default ``Jitter/full``.
    public var jitter: Jitter
    /// The overall time budget, from the start of the first attempt; `nil` (the default) for none.
    ///
    /// The loop stops instead of waiting when the next attempt would start after it.
    public var deadline: Duration?
    /// Whether an error may be retried. Default ``isRetryableByDefault(_:)``.
    ///
    /// Whatever it says, the retry loop never retries caller errors (invalid arguments,
    /// cancellation) or an open circuit.
    public var shouldRetry: @Sendable (ToolError) -> Bool

    /// Creates a policy; out-of-range values are clamped (`maxAttempts` to at least 1, delays to at
    /// least zero, `multiplier` to at least 1).
    public init(
        maxAttempts: Int = 3,
        initialDelay: Duration = .milliseconds(100),
        multiplier: Double = 2,
        maxDelay: Duration = .seconds(10),
        jitter: Jitter = .full,
        deadline: Duration? = nil,
        shouldRetry: @escaping @Sendable (ToolError) -> Bool = RetryPolicy.isRetryableByDefault
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialDelay = max(.zero, initialDelay)
        self.multiplier = multiplier.isFinite ? max(1, multiplier) : 1
        self.maxDelay = max(.zero, maxDelay)
        self.jitter = jitter
        self.deadline = deadline.map { max(.zero, $0) }
        self.shouldRetry = shouldRetry
    }

    /// The default retry predicate: the error says it is retryable and is not the caller's fault.
    ///
    /// Upstream failures are retryable unless the body said otherwise, and so are timeouts.
    /// Refusals by ToolOps itself — `circuitOpen`, `rateLimited`, `bulkheadFull` — are not: trying
    /// again at once cannot help. Nor are `invalidArguments`, `cancelled` and `misconfigured`.
    public static func isRetryableByDefault(_ error: ToolError) -> Bool {
        guard error.isRetryable, !error.isCallerError else { return false }
        switch error.code {
        case .circuitOpen, .rateLimited, .bulkheadFull, .misconfigured: return false
        default: return true
        }
    }

    /// The backoff to wait after attempt `attempt` (1 for the first) failed, with jitter applied.
    ///
    /// Takes one value from `random` unless ``jitter`` is ``Jitter/none``.
    ///
    /// ```swift
    /// RetryPolicy(jitter: .none).delay(afterAttempt: 3, random: SystemRandom())  // 400 ms
    /// ```
    public func delay(afterAttempt attempt: Int, random: any RandomSource) -> Duration {
        let cap = Double(maxDelay.nanoseconds)
        var backoff = Double(initialDelay.nanoseconds)
        var step = 1
        while step < attempt, backoff < cap {
            backoff *= multiplier
            step += 1
        }
        backoff = min(backoff, cap)
        let spread: Double
        switch jitter {
        case .none:
            spread = backoff
        case .full:
            spread = backoff * Self.unit(random)
        case .equal:
            spread = backoff / 2 + backoff / 2 * Self.unit(random)
        }
        return .nanoseconds(Int64(spread.rounded()))
    }

    // A custom source might stray outside 0..<1; keep the delay inside the backoff.
    private static func unit(_ random: any RandomSource) -> Double {
        let value = random.nextUnit()
        return value.isFinite ? min(max(value, 0), 1) : 0
    }
}

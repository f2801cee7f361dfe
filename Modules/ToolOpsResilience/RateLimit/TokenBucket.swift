import Synchronization
import ToolOpsCore

/// A token-bucket rate limiter: bursts up to a capacity, refilled at a steady rate.
///
/// Each call takes a token. The bucket starts full and refills continuously — `refill` tokens per
/// `per` — up to its capacity. When it is empty, a call is refused at once with a ``ToolError`` of
/// code `rateLimited` whose `retryAfter` says when the next token will be there.
///
/// The bucket reads no clock of its own: callers pass the time, so in a pipeline it follows the
/// tool environment's clock (and a manual clock in tests).
///
/// ```swift
/// // Bursts of 10, then 5 calls per second.
/// let bucket = TokenBucket(configuration: .init(capacity: 10, refill: 5, per: .seconds(1)))
/// try bucket.acquire(now: clock.now())
/// ```
public final class TokenBucket: Sendable {
    /// The bucket's size and refill rate.
    public struct Configuration: Sendable, Hashable {
        /// The most tokens the bucket holds: the largest burst (at least 1). Default 10.
        public var capacity: Int
        /// Tokens added every ``per`` (zero or more; fractions allowed). Default 10.
        public var refill: Double
        /// The period ``refill`` tokens are added over. Default 1 s.
        public var per: Duration

        /// Creates a configuration.
        public init(capacity: Int = 10, refill: Double = 10, per: Duration = .seconds(1)) {
            self.capacity = capacity
            self.refill = refill
            self.per = per
        }
    }

    private enum Verdict {
        case granted
        case refused(retryAfter: Duration?)
    }

    private struct State {
        var tokens: Double
        var updatedAt: Timestamp?
        var rejections = 0
    }

    /// The configuration the bucket was made with.
    public let configuration: Configuration
    private let capacity: Double
    // Tokens per nanosecond; zero when the bucket never refills.
    private let ratePerNanosecond: Double
    private let state: Mutex<State>

    /// Creates a full bucket.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        capacity = Double(max(1, configuration.capacity))
        let period = Double(configuration.per.nanoseconds)
        let refill = configuration.refill.isFinite ? max(0, configuration.refill) : 0
        ratePerNanosecond = period > 0 ? refill / period : 0
        state = Mutex(State(tokens: capacity))
    }

    /// Takes `tokens` tokens (default 1) at `now`.
    ///
    /// - Throws: a ``ToolError`` with code `rateLimited`, not retryable at once, with `retryAfter`
    ///   set to the time until enough tokens are there (`nil` if they never will be: the bucket
    ///   does not refill, or `tokens` exceeds its capacity).
    public func acquire(_ tokens: Double = 1, now: Timestamp) throws(ToolError) {
        let verdict = state.withLock { state -> Verdict in
            refill(&state, now: now)
            if state.tokens >= tokens {
                state.tokens -= tokens
                return .granted
            }
            state.rejections += 1
            guard tokens <= capacity, ratePerNanosecond > 0 else { return .refused(retryAfter: nil) }
            let nanoseconds = ((tokens - state.tokens) / ratePerNanosecond).rounded(.up)
            return .refused(retryAfter: .nanoseconds(Int64(min(nanoseconds, Double(Int64.max)))))
        }
        guard case .refused(let retryAfter) = verdict else { return }
        let rate = "\(configuration.refill) per \(configuration.per)"
        throw ToolError(
            code: .rateLimited,
            message: retryAfter.map { "rate limit of \(rate) exceeded; retry after \($0)" }
                ?? "rate limit of \(rate) exceeded and the bucket cannot supply \(tokens) token(s)",
            isRetryable: false,
            retryAfter: retryAfter
        )
    }

    /// The tokens available at `now` (fractional while refilling).
    public func availableTokens(now: Timestamp) -> Double {
        state.withLock { state in
            refill(&state, now: now)
            return state.tokens
        }
    }

    /// Calls refused since the bucket was created.
    public var rejections: Int {
        state.withLock { $0.rejections }
    }

    // Time running backwards (a clock adjusted by hand) adds nothing and takes nothing away.
    private func refill(_ state: inout State, now: Timestamp) {
        guard let updatedAt = state.updatedAt else {
            state.updatedAt = now
            return
        }
        guard updatedAt < now else { return }
        let elapsed = Double(updatedAt.duration(to: now).nanoseconds)
        state.tokens = min(capacity, state.tokens + elapsed * ratePerNanosecond)
        state.updatedAt = now
    }
}

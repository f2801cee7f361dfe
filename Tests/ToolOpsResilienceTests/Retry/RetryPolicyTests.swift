import Testing
import ToolOpsCore
import ToolOpsResilience
import ToolOpsTesting

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("backoff grows by the multiplier from the initial delay and stops at the cap")
    func exponentialBackoff() {
        let policy = RetryPolicy(initialDelay: .milliseconds(100), multiplier: 2, maxDelay: .seconds(1), jitter: .none)
        let delays = (1...6).map { policy.delay(afterAttempt: $0, random: FixedRandom(0.5)) }
        #expect(delays == [100, 200, 400, 800, 1000, 1000].map { Duration.milliseconds($0) })
    }

    @Test("full jitter scales the backoff by the random value")
    func fullJitter() {
        let policy = RetryPolicy(initialDelay: .milliseconds(100), jitter: .full)
        #expect(policy.delay(afterAttempt: 1, random: FixedRandom(0.5)) == .milliseconds(50))
        #expect(policy.delay(afterAttempt: 3, random: FixedRandom(0.5)) == .milliseconds(200))
        #expect(policy.delay(afterAttempt: 3, random: FixedRandom(0.25)) == .milliseconds(100))
        #expect(policy.delay(afterAttempt: 2, random: FixedRandom(0)) == .zero)
    }

    @Test("equal jitter keeps half the backoff and randomises the other half")
    func equalJitter() {
        let policy = RetryPolicy(initialDelay: .milliseconds(100), jitter: .equal)
        #expect(policy.delay(afterAttempt: 1, random: FixedRandom(0.5)) == .milliseconds(75))
        #expect(policy.delay(afterAttempt: 2, random: FixedRandom(0.5)) == .milliseconds(150))
        #expect(policy.delay(afterAttempt: 2, random: FixedRandom(0)) == .milliseconds(100))
    }

    @Test("jitter applies after the cap, so a capped delay is still spread")
    func jitterAfterCap() {
        let policy = RetryPolicy(initialDelay: .seconds(1), maxDelay: .seconds(2), jitter: .full)
        #expect(policy.delay(afterAttempt: 10, random: FixedRandom(0.5)) == .seconds(1))
    }

    @Test("the defaults are 3 attempts, 100 ms doubling to 10 s, full jitter and no deadline")
    func defaults() {
        let policy = RetryPolicy()
        #expect(policy.maxAttempts == 3)
        #expect(policy.initialDelay == .milliseconds(100))
        #expect(policy.multiplier == 2)
        #expect(policy.maxDelay == .seconds(10))
        #expect(policy.jitter == .full)
        #expect(policy.deadline == nil)
    }

    @Test("out-of-range settings are clamped")
    func clamping() {
        let policy = RetryPolicy(maxAttempts: 0, initialDelay: .milliseconds(-5), multiplier: 0.5, jitter: .none)
        #expect(policy.maxAttempts == 1)
        #expect(policy.initialDelay == .zero)
        #expect(policy.multiplier == 1)
    }

    @Test("the default predicate retries upstream failures and timeouts, nothing else")
    func defaultPredicate() {
        let retried: [ToolError] = [
            .upstream("503"),
            ToolError(code: .timeout, message: "slow", isRetryable: true),
        ]
        let notRetried: [ToolError] = [
            .upstream("404", retryable: false),
            ToolError(code: .circuitOpen, message: "open", isRetryable: true),
            ToolError(code: .rateLimited, message: "slow down", isRetryable: true),
            ToolError(code: .bulkheadFull, message: "full", isRetryable: true),
            ToolError(code: .invalidArguments, message: "bad", isRetryable: true),
            ToolError(code: .cancelled, message: "gone", isRetryable: true),
            .misconfigured("bad setup"),
        ]
        let policy = RetryPolicy()
        #expect(retried.allSatisfy(policy.shouldRetry))
        #expect(!notRetried.contains(where: policy.shouldRetry))
    }
}

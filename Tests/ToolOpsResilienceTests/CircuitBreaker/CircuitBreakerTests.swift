import Testing
import ToolOpsCore
import ToolOpsResilience

@Suite("Circuit breaker")
struct CircuitBreakerTests {
    let t0 = Timestamp(nanosecondsSinceEpoch: 1_000_000_000_000)

    /// One call through `breaker` at `time` that ends with `outcome`; the transition it caused.
    @discardableResult
    func call(
        _ breaker: CircuitBreaker,
        _ outcome: CircuitBreaker.Outcome,
        at time: Timestamp,
        taking duration: Duration = .milliseconds(10)
    ) throws -> CircuitBreaker.Transition? {
        let permit = try breaker.acquire(now: time)
        return breaker.record(permit, outcome: outcome, duration: duration, now: time)
    }

    func consecutive(_ threshold: Int, probes: Int = 1) -> CircuitBreaker {
        CircuitBreaker(
            configuration: .init(mode: .consecutiveFailures(threshold: threshold), halfOpenMaxProbes: probes))
    }

    @Test("the defaults open after 5 consecutive failures and probe once after 30 s")
    func defaults() {
        let configuration = CircuitBreaker.Configuration()
        #expect(configuration.mode == .consecutiveFailures(threshold: 5))
        #expect(configuration.recoveryTimeout == .seconds(30))
        #expect(configuration.halfOpenMaxProbes == 1)
        #expect(configuration.slowCallThreshold == nil)
    }

    @Test("opens at the consecutive-failure threshold and fails fast with the time left")
    func opensAtThreshold() throws {
        let breaker = consecutive(3)
        #expect(try call(breaker, .failure, at: t0) == nil)
        #expect(try call(breaker, .failure, at: t0) == nil)
        #expect(try call(breaker, .failure, at: t0) == .init(from: .closed, to: .open))
        #expect(breaker.state == .open)

        let error = #expect(throws: ToolError.self) { try breaker.acquire(now: t0 + .seconds(10)) }
        #expect(error?.code == .circuitOpen)
        #expect(error?.isRetryable == false)
        #expect(error?.retryAfter == .seconds(20))
    }

    @Test("a success starts the consecutive-failure count again")
    func successResetsCount() throws {
        let breaker = consecutive(3)
        for outcome: CircuitBreaker.Outcome in [.failure, .failure, .success, .failure, .failure] {
            try call(breaker, outcome, at: t0)
        }
        #expect(breaker.state == .closed)
        try call(breaker, .failure, at: t0)
        #expect(breaker.state == .open)
    }

    @Test("half-open after the recovery timeout, and a successful probe closes the circuit")
    func probeSuccessCloses() throws {
        let breaker = consecutive(1)
        try call(breaker, .failure, at: t0)
        #expect(throws: ToolError.self) { try breaker.acquire(now: t0 + .milliseconds(29_999)) }

        let probe = try breaker.acquire(now: t0 + .seconds(30))
        #expect(probe.isProbe)
        #expect(probe.transition == .init(from: .open, to: .halfOpen))
        #expect(breaker.state == .halfOpen)
        let closing = breaker.record(probe, outcome: .success, duration: .milliseconds(5), now: t0 + .seconds(30))
        #expect(closing == .init(from: .halfOpen, to: .closed))
        #expect(try !breaker.acquire(now: t0 + .seconds(30)).isProbe)
    }

    @Test("a failed probe reopens the circuit for another recovery period")
    func probeFailureReopens() throws {
        let breaker = consecutive(1)
        try call(breaker, .failure, at: t0)
        let reopening = try call(breaker, .failure, at: t0 + .seconds(31))
        #expect(reopening == .init(from: .halfOpen, to: .open))

        let error = #expect(throws: ToolError.self) { try breaker.acquire(now: t0 + .seconds(60)) }
        #expect(error?.retryAfter == .seconds(1))
        #expect(try breaker.acquire(now: t0 + .seconds(61)).isProbe)
    }

    @Test("half-open admits at most halfOpenMaxProbes probes, and that many successes close it")
    func probeLimit() throws {
        let breaker = consecutive(1, probes: 2)
        try call(breaker, .failure, at: t0)
        let later = t0 + .seconds(30)
        let first = try breaker.acquire(now: later)
        let second = try breaker.acquire(now: later)
        let refused = #expect(throws: ToolError.self) { try breaker.acquire(now: later) }
        #expect(refused?.code == .circuitOpen)
        #expect(refused?.retryAfter == nil)

        #expect(breaker.record(first, outcome: .success, duration: .zero, now: later) == nil)
        #expect(breaker.state == .halfOpen)
        let third = try breaker.acquire(now: later)  // the first probe's slot is free again
        #expect(third.isProbe)
        #expect(
            breaker.record(second, outcome: .success, duration: .zero, now: later)
                == .init(from: .halfOpen, to: .closed))
        // The third probe landed after the circuit closed: it no longer moves the breaker.
        #expect(breaker.record(third, outcome: .failure, duration: .zero, now: later) == nil)
        #expect(breaker.state == .closed)
    }

    @Test("an ignored probe frees its slot and neither closes nor reopens the circuit")
    func ignoredProbe() throws {
        let breaker = consecutive(1)
        try call(breaker, .failure, at: t0)
        let later = t0 + .seconds(30)
        #expect(try call(breaker, .ignored, at: later) == nil)
        #expect(breaker.state == .halfOpen)
        #expect(try breaker.acquire(now: later).isProbe)
    }

    @Test("failure-rate mode waits for the minimum number of calls")
    func failureRateMinimumCalls() throws {
        let breaker = CircuitBreaker(
            configuration: .init(mode: .failureRate(threshold: 0.5, windowSize: 10, minimumCalls: 4))
        )
        for _ in 0..<3 { try call(breaker, .failure, at: t0) }
        #expect(breaker.state == .closed)  // 100 % failures, but only 3 calls
        #expect(try call(breaker, .success, at: t0) == .init(from: .closed, to: .open))  // 3 of 4
    }

    @Test("failure-rate mode judges a sliding window of the last outcomes")
    func failureRateWindow() throws {
        let breaker = CircuitBreaker(
            configuration: .init(mode: .failureRate(threshold: 0.5, windowSize: 4, minimumCalls: 4))
        )
        for outcome: CircuitBreaker.Outcome in [.failure, .success, .success, .success, .success, .failure] {
            try call(breaker, outcome, at: t0)
        }
        #expect(breaker.state == .closed)  // the first failure slid out: 1 of the last 4
        try call(breaker, .failure, at: t0)
        #expect(breaker.state == .open)  // 2 of the last 4
    }

    @Test("a success slower than the slow-call threshold counts as a failure")
    func slowCalls() throws {
        let breaker = CircuitBreaker(
            configuration: .init(mode: .consecutiveFailures(threshold: 2), slowCallThreshold: .seconds(2))
        )
        try call(breaker, .success, at: t0, taking: .seconds(3))
        try call(breaker, .success, at: t0, taking: .seconds(1))
        try call(breaker, .success, at: t0, taking: .seconds(3))
        #expect(breaker.state == .closed)
        try call(breaker, .success, at: t0, taking: .seconds(3))
        #expect(breaker.state == .open)
        #expect(breaker.statistics.slowCalls == 3)
        #expect(breaker.statistics.successes == 1)
    }

    @Test("manual reset closes an open circuit")
    func manualReset() throws {
        let breaker = consecutive(1)
        try call(breaker, .failure, at: t0)
        #expect(breaker.reset() == .init(from: .open, to: .closed))
        #expect(breaker.state == .closed)
        #expect(try !breaker.acquire(now: t0).isProbe)
        #expect(breaker.reset() == nil)
    }

    @Test("outcomes of calls admitted before a state change do not move the breaker")
    func staleOutcomesIgnored() throws {
        let breaker = consecutive(1)
        let early = try breaker.acquire(now: t0)
        try call(breaker, .failure, at: t0)
        try call(breaker, .success, at: t0 + .seconds(30))  // probe: closed again
        // The early call fails only now, in a later closed period: it must not reopen the circuit.
        #expect(breaker.record(early, outcome: .failure, duration: .zero, now: t0 + .seconds(31)) == nil)
        #expect(breaker.state == .closed)
    }

    @Test("statistics count successes, failures, ignored calls, rejections and openings")
    func statistics() throws {
        let breaker = consecutive(2)
        try call(breaker, .success, at: t0)
        try call(breaker, .ignored, at: t0)
        try call(breaker, .failure, at: t0)
        try call(breaker, .failure, at: t0)
        _ = try? breaker.acquire(now: t0)
        #expect(
            breaker.statistics
                == .init(state: .open, successes: 1, failures: 2, ignored: 1, rejections: 1, timesOpened: 1)
        )
    }
}

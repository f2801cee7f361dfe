import Testing
import ToolOpsCore
import ToolOpsResilience
import ToolOpsTesting

@Suite("Circuit breaker in the pipeline", .timeLimit(.minutes(1)))
struct CircuitBreakerMiddlewareTests {
    let harness = Harness()

    func breaker(threshold: Int, slowCall: Duration? = nil) -> CircuitBreaker {
        CircuitBreaker(
            configuration: .init(mode: .consecutiveFailures(threshold: threshold), slowCallThreshold: slowCall))
    }

    /// Retry (no backoff wait) outside the breaker, as the stages order them.
    func retryAndBreak(_ breaker: CircuitBreaker, attempts: Int) -> ToolPipeline<Query, String> {
        pipeline(
            (RetryMiddleware(policy: RetryPolicy(maxAttempts: attempts, initialDelay: .zero)), .retry),
            (CircuitBreakerMiddleware(breaker: breaker), .breaker)
        )
    }

    @Test("retries are counted by the breaker")
    func retriesCounted() async throws {
        let breaker = breaker(threshold: 10)
        let upstream = ScriptedUpstream<String>([.fail(unavailable)])
        let tool = try harness.tool(pipeline: retryAndBreak(breaker, attempts: 3), upstream: upstream)

        await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(upstream.calls == 3)
        #expect(breaker.statistics.failures == 3)
    }

    @Test("open breaker stops retries")
    func openBreakerStopsRetries() async throws {
        let breaker = breaker(threshold: 2)
        let upstream = ScriptedUpstream<String>([.fail(unavailable)])
        let tool = try harness.tool(pipeline: retryAndBreak(breaker, attempts: 5), upstream: upstream)

        let error = await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(error?.code == .circuitOpen)
        #expect(error?.tool == "get_weather")
        #expect(error?.retryAfter == .seconds(30))
        #expect(upstream.calls == 2)
        #expect(harness.upstreamAttempts == [1, 2])
        #expect(harness.rejections == [.circuitOpen])
        #expect(harness.retries.map(\.attempt) == [1, 2])
    }

    @Test("caller errors are not counted by the breaker")
    func callerErrorsIgnored() async throws {
        let breaker = breaker(threshold: 2)
        let upstream = ScriptedUpstream<String>([.fail(ToolError.invalidArguments("no such city", field: "city"))])
        let tool = try harness.tool(pipeline: retryAndBreak(breaker, attempts: 3), upstream: upstream)

        for _ in 0..<4 {
            let error = await #expect(throws: ToolError.self) { try await tool(Query()) }
            #expect(error?.code == .invalidArguments)
        }
        #expect(upstream.calls == 4)
        #expect(breaker.state == .closed)
        #expect(breaker.statistics.failures == 0)
        #expect(breaker.statistics.ignored == 4)
    }

    @Test("a call cancelled by its caller is not counted by the breaker")
    func cancellationIgnored() async throws {
        let breaker = breaker(threshold: 1)
        let gate = Gate()
        let upstream = ScriptedUpstream<String>([.wait(gate, then: .succeed("sunny"))])
        let tool = try harness.tool(
            pipeline: pipeline((CircuitBreakerMiddleware(breaker: breaker), .breaker)), upstream: upstream)
        let call = Task { try await tool(Query()) }

        await gate.waitForWaiters(1)
        call.cancel()

        let error = await #expect(throws: ToolError.self) { try await call.waitForValue() }
        #expect(error?.code == .cancelled)
        #expect(breaker.state == .closed)
        #expect(breaker.statistics.ignored == 1)
    }

    @Test("calls that succeed on retry do not open the circuit")
    func successOnRetryKeepsCircuitClosed() async throws {
        let breaker = breaker(threshold: 2)
        let steps = (0..<5).flatMap { _ in [ScriptedUpstream<String>.Step.fail(unavailable), .succeed("sunny")] }
        let upstream = ScriptedUpstream<String>(steps)
        let tool = try harness.tool(pipeline: retryAndBreak(breaker, attempts: 3), upstream: upstream)

        for _ in 0..<5 {
            #expect(try await tool(Query()) == "sunny")
        }
        #expect(upstream.calls == 10)
        #expect(breaker.state == .closed)
        #expect(harness.transitions.isEmpty)
    }

    @Test("state changes are emitted as breaker-transition events")
    func transitionsEmitted() async throws {
        let breaker = breaker(threshold: 1)
        let upstream = ScriptedUpstream<String>([.fail(unavailable), .succeed("sunny")])
        let tool = try harness.tool(
            pipeline: pipeline((CircuitBreakerMiddleware(breaker: breaker), .breaker)), upstream: upstream)

        await #expect(throws: ToolError.self) { try await tool(Query()) }
        let refusal = await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(refusal?.code == .circuitOpen)
        #expect(upstream.calls == 1)

        harness.clock.advance(by: .seconds(30))
        #expect(try await tool(Query()) == "sunny")
        #expect(
            harness.transitions == [
                .init(from: .closed, to: .open), .init(from: .open, to: .halfOpen), .init(from: .halfOpen, to: .closed),
            ]
        )
        #expect(harness.rejections == [.circuitOpen])
    }

    @Test("call durations come from the environment's clock for the slow-call rule")
    func slowCallsOnTheClock() async throws {
        let breaker = breaker(threshold: 1, slowCall: .seconds(2))
        let clock = harness.clock
        let tool = try harness.tool(pipeline: pipeline((CircuitBreakerMiddleware(breaker: breaker), .breaker))) { _ in
            try await clock.sleep(for: .seconds(3))
            return "slow but fine"
        }
        let call = Task { try await tool(Query()) }

        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(3))

        #expect(try await call.waitForValue() == "slow but fine")
        #expect(breaker.state == .open)
        #expect(breaker.statistics.slowCalls == 1)
    }
}

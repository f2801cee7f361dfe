import Testing
import ToolOpsCore
import ToolOpsResilience
import ToolOpsTesting

@Suite("Retry middleware", .timeLimit(.minutes(1)))
struct RetryMiddlewareTests {
    let harness = Harness()

    func retrying(_ policy: RetryPolicy) -> ToolPipeline<Query, String> {
        pipeline((RetryMiddleware(policy: policy), .retry))
    }

    @Test("failed attempts are retried after exact backoff delays on the clock")
    func backoffOnTheClock() async throws {
        let upstream = ScriptedUpstream<String>([.fail(unavailable), .fail(unavailable), .succeed("sunny")])
        let tool = try harness.tool(pipeline: retrying(RetryPolicy(maxAttempts: 3)), upstream: upstream)
        let clock = harness.clock
        let start = clock.now()
        let call = Task { try await tool(Query()) }

        await clock.waitForSleepers(1)
        #expect(clock.nextDeadline == start + .milliseconds(50))  // 100 ms × full jitter 0.5
        clock.advance(by: .milliseconds(50))
        await clock.waitForSleepers(1)
        #expect(clock.nextDeadline == start + .milliseconds(150))  // then 200 ms × 0.5
        clock.advance(by: .milliseconds(100))

        #expect(try await call.waitForValue() == "sunny")
        #expect(upstream.calls == 3)
        #expect(harness.upstreamAttempts == [1, 2, 3])
        #expect(harness.retries.map(\.attempt) == [1, 2])
        #expect(harness.retries.map(\.delay) == [.milliseconds(50), .milliseconds(100)])
        #expect(harness.retries.allSatisfy { $0.code == .upstream })
    }

    @Test("attempts stop at maxAttempts and the last error is thrown")
    func attemptsExhausted() async throws {
        let upstream = ScriptedUpstream<String>([.fail(unavailable)])
        let policy = RetryPolicy(maxAttempts: 4, initialDelay: .zero)
        let tool = try harness.tool(pipeline: retrying(policy), upstream: upstream)

        let error = await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(error?.code == .upstream)
        #expect(upstream.calls == 4)
        #expect(harness.retries.map(\.attempt) == [1, 2, 3])
    }

    @Test("retry-after from the upstream is honoured")
    func retryAfterHonoured() async throws {
        let throttled = ToolError.upstream("429", retryAfter: .seconds(2))
        let upstream = ScriptedUpstream<String>([.fail(throttled), .succeed("sunny")])
        let tool = try harness.tool(pipeline: retrying(RetryPolicy()), upstream: upstream)
        let call = Task { try await tool(Query()) }

        await harness.clock.waitForSleepers(1)
        harness.clock.advance(by: .milliseconds(1999))
        #expect(harness.clock.sleeperCount == 1)
        #expect(upstream.calls == 1)
        harness.clock.advance(by: .milliseconds(1))

        #expect(try await call.waitForValue() == "sunny")
        #expect(harness.retries.map(\.delay) == [.seconds(2)])
    }

    @Test("retry-after longer than maxDelay is still honoured")
    func retryAfterBeyondCap() async throws {
        let throttled = ToolError.upstream("429", retryAfter: .seconds(5))
        let upstream = ScriptedUpstream<String>([.fail(throttled), .succeed("sunny")])
        let tool = try harness.tool(pipeline: retrying(RetryPolicy(maxDelay: .seconds(1))), upstream: upstream)
        let call = Task { try await tool(Query()) }

        await harness.clock.waitForSleepers(1)
        #expect(harness.retries.map(\.delay) == [.seconds(5)])
        harness.clock.advance(by: .seconds(5))
        #expect(try await call.waitForValue() == "sunny")
    }

    @Test("retry-after past the deadline ends the retries at once")
    func retryAfterPastDeadline() async throws {
        let throttled = ToolError.upstream("429", retryAfter: .seconds(5))
        let upstream = ScriptedUpstream<String>([.fail(throttled), .succeed("sunny")])
        let tool = try harness.tool(pipeline: retrying(RetryPolicy(deadline: .seconds(3))), upstream: upstream)

        let error = await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(error?.retryAfter == .seconds(5))
        #expect(upstream.calls == 1)
        #expect(harness.retries.isEmpty)
    }

    @Test("the deadline stops retries whose delay would pass it")
    func deadlineStopsRetries() async throws {
        let upstream = ScriptedUpstream<String>([.fail(unavailable)])
        let policy = RetryPolicy(
            maxAttempts: 10, initialDelay: .seconds(1), jitter: .none, deadline: .milliseconds(2500))
        let tool = try harness.tool(pipeline: retrying(policy), upstream: upstream)
        let call = Task { try await tool(Query()) }

        await harness.clock.waitForSleepers(1)  // 1 s after attempt 1 ends at 1 s ≤ 2.5 s
        harness.clock.advance(by: .seconds(1))  // attempt 2 fails; 1 s + 2 s would pass 2.5 s

        let error = await #expect(throws: ToolError.self) { try await call.waitForValue() }
        #expect(error?.code == .upstream)
        #expect(upstream.calls == 2)
        #expect(harness.retries.map(\.delay) == [.seconds(1)])
        #expect(harness.clock.sleeperCount == 0)
    }

    @Test("side-effect tool is never retried without idempotency")
    func sideEffectNotRetried() async throws {
        let upstream = ScriptedUpstream<String>([.fail(unavailable)])
        let tool = try harness.tool(
            "send_email",
            effect: .sideEffect(idempotent: false),
            pipeline: retrying(RetryPolicy(maxAttempts: 5, initialDelay: .zero)),
            upstream: upstream
        )

        await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(upstream.calls == 1)
        #expect(harness.retries.isEmpty)
    }

    @Test(
        "side-effect tool is retried with an idempotency key or when declared idempotent",
        arguments: [(false, "order-42"), (true, nil)] as [(Bool, String?)]
    )
    func sideEffectRetriedWhenSafe(idempotent: Bool, key: String?) async throws {
        let upstream = ScriptedUpstream<String>([.fail(unavailable), .fail(unavailable), .succeed("sent")])
        let tool = try harness.tool(
            "send_email",
            effect: .sideEffect(idempotent: idempotent),
            pipeline: retrying(RetryPolicy(maxAttempts: 3, initialDelay: .zero)),
            upstream: upstream
        )

        #expect(try await tool(Query(), options: CallOptions(idempotencyKey: key)) == "sent")
        #expect(upstream.calls == 3)
    }

    @Test("caller errors are never retried, whatever the predicate says")
    func callerErrorsNotRetried() async throws {
        let upstream = ScriptedUpstream<String>([.fail(ToolError.invalidArguments("city is unknown", field: "city"))])
        let policy = RetryPolicy(maxAttempts: 5, initialDelay: .zero, shouldRetry: { _ in true })
        let tool = try harness.tool(pipeline: retrying(policy), upstream: upstream)

        let error = await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(error?.code == .invalidArguments)
        #expect(upstream.calls == 1)
    }

    @Test("errors the upstream marks as not retryable are not retried")
    func nonRetryableNotRetried() async throws {
        let upstream = ScriptedUpstream<String>([.fail(ToolError.upstream("404 not found", retryable: false))])
        let tool = try harness.tool(pipeline: retrying(RetryPolicy(initialDelay: .zero)), upstream: upstream)

        await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(upstream.calls == 1)
    }

    @Test("cancellation during the backoff ends the call as cancelled")
    func cancelledWhileWaiting() async throws {
        let upstream = ScriptedUpstream<String>([.fail(unavailable), .succeed("sunny")])
        let tool = try harness.tool(pipeline: retrying(RetryPolicy(initialDelay: .seconds(1))), upstream: upstream)
        let call = Task { try await tool(Query()) }

        await harness.clock.waitForSleepers(1)
        call.cancel()

        let error = await #expect(throws: ToolError.self) { try await call.waitForValue() }
        #expect(error?.code == .cancelled)
        #expect(upstream.calls == 1)
    }
}

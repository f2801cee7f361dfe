import Testing
import ToolOpsCore
import ToolOpsResilience
import ToolOpsTesting

@Suite("Timeout middleware", .timeLimit(.minutes(1)))
struct TimeoutMiddlewareTests {
    let harness = Harness()

    /// A body that waits on `gate` and notes whether it saw cancellation.
    static func body(_ gate: Gate, sawCancellation: Locked<Bool>) -> @Sendable (Query) async throws -> String {
        { _ in
            do {
                try await gate.wait()
            } catch {
                sawCancellation.value = true
                throw error
            }
            return "late"
        }
    }

    @Test("a slow attempt times out with a retryable timeout error and an event")
    func timesOut() async throws {
        let gate = Gate()
        let sawCancellation = Locked(false)
        let tool = try harness.tool(
            pipeline: pipeline((TimeoutMiddleware(timeout: .seconds(1)), .timeout)),
            body: Self.body(gate, sawCancellation: sawCancellation)
        )
        let call = Task { try await tool(Query()) }

        await harness.clock.waitForSleepers(1)
        await gate.waitForWaiters(1)
        harness.clock.advance(by: .milliseconds(999))
        #expect(gate.waiting == 1)
        harness.clock.advance(by: .milliseconds(1))

        let error = await #expect(throws: ToolError.self) { try await call.waitForValue() }
        #expect(error?.code == .timeout)
        #expect(error?.isRetryable == true)
        #expect(error?.tool == "get_weather")
        #expect(sawCancellation.value)
        let timeouts = harness.recorder.events.compactMap { event -> (Duration, Int)? in
            if case .timedOut(let after, let attempt) = event.kind { return (after, attempt) }
            return nil
        }
        #expect(timeouts.map(\.0) == [.seconds(1)])
        #expect(timeouts.map(\.1) == [1])
    }

    @Test("timeout cancels the body cooperatively and the attempt is retried")
    func timeoutIsRetried() async throws {
        let gate = Gate()
        let upstream = ScriptedUpstream<String>([.wait(gate, then: .succeed("late")), .succeed("sunny")])
        let policy = RetryPolicy(maxAttempts: 2, initialDelay: .milliseconds(100), jitter: .none)
        let tool = try harness.tool(
            pipeline: pipeline(
                (RetryMiddleware(policy: policy), .retry),
                (TimeoutMiddleware(timeout: .seconds(1)), .timeout)
            ),
            upstream: upstream
        )
        let call = Task { try await tool(Query()) }

        await harness.clock.waitForSleepers(1)
        await gate.waitForWaiters(1)
        harness.clock.advance(by: .seconds(1))  // attempt 1 times out; the body leaves the gate
        await until { gate.waiting == 0 && harness.clock.sleeperCount == 1 }
        harness.clock.advance(by: .milliseconds(100))  // the backoff ends; attempt 2 succeeds

        #expect(try await call.waitForValue() == "sunny")
        #expect(upstream.calls == 2)
        #expect(gate.arrivals == 1)
        #expect(harness.retries.map(\.code) == [.timeout])
        #expect(harness.recorder.count("timed_out") == 1)
        #expect(harness.clock.sleeperCount == 0)
    }

    @Test("caller cancellation is not a timeout")
    func callerCancellation() async throws {
        let gate = Gate()
        let sawCancellation = Locked(false)
        let tool = try harness.tool(
            pipeline: pipeline((TimeoutMiddleware(timeout: .seconds(10)), .timeout)),
            body: Self.body(gate, sawCancellation: sawCancellation)
        )
        let call = Task { try await tool(Query()) }

        await harness.clock.waitForSleepers(1)
        await gate.waitForWaiters(1)
        call.cancel()

        let error = await #expect(throws: ToolError.self) { try await call.waitForValue() }
        #expect(error?.code == .cancelled)
        #expect(sawCancellation.value)
        #expect(harness.recorder.count("timed_out") == 0)
        // The shared timer wakes at the cancelled attempt's deadline, finds nothing due, and stops.
        harness.clock.advance(by: .seconds(10))
        await until { harness.clock.sleeperCount == 0 }
        #expect(harness.recorder.count("timed_out") == 0)
    }

    @Test("a fast attempt returns its value and leaves no timer behind")
    func fastAttempt() async throws {
        let upstream = ScriptedUpstream<String>([.succeed("sunny")])
        let tool = try harness.tool(
            pipeline: pipeline((TimeoutMiddleware(timeout: .seconds(1)), .timeout)),
            upstream: upstream
        )

        #expect(try await tool(Query()) == "sunny")
        #expect(harness.clock.sleeperCount == 0)
        #expect(harness.recorder.count("timed_out") == 0)
    }

    @Test("an error from the body passes through as it is, not as a timeout")
    func bodyErrorPassesThrough() async throws {
        let upstream = ScriptedUpstream<String>([.fail(ToolError.upstream("404", retryable: false))])
        let tool = try harness.tool(
            pipeline: pipeline((TimeoutMiddleware(timeout: .seconds(1)), .timeout)),
            upstream: upstream
        )

        let error = await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(error?.code == .upstream)
        #expect(error?.isRetryable == false)
        #expect(harness.recorder.count("timed_out") == 0)
    }
}

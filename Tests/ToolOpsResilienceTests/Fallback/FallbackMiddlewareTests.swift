import Testing
import ToolOpsCore
import ToolOpsResilience
import ToolOpsTesting

/// Plays the cache: hands the call an expired value, as the cache lookup stage does.
struct StaleInjector: ToolMiddleware {
    let stale: StaleValue<String>

    func handle(_ call: ToolCall<Query, String>, next: ToolNext<Query, String>) async throws -> String {
        var call = call
        call.stale = stale
        return try await next(call)
    }
}

@Suite("Fallback", .timeLimit(.minutes(1)))
struct FallbackMiddlewareTests {
    let harness = Harness()

    @Test("fallback gets the error, the stale value and the input")
    func handlerGetsEverything() async throws {
        let now = harness.clock.now()
        let stale = StaleValue(
            value: "cloudy (an hour ago)", store: "memory", storedAt: now, staleUntil: now + .seconds(60))
        let seen = Locked<(ToolError.Code, String?, String)?>(nil)
        let fallback = FallbackMiddleware<Query, String> { error, stale, query in
            seen.value = (error.code, stale?.value, query.city)
            return stale?.value ?? "unknown"
        }
        let upstream = ScriptedUpstream<String>([.fail(unavailable)])
        let tool = try harness.tool(
            pipeline: pipeline((StaleInjector(stale: stale), .cacheLookup), (fallback, .fallback)),
            upstream: upstream
        )

        #expect(try await tool(Query(city: "Lyon")) == "cloudy (an hour ago)")
        #expect(seen.value?.0 == .upstream)
        #expect(seen.value?.1 == "cloudy (an hour ago)")
        #expect(seen.value?.2 == "Lyon")
        let used = harness.recorder.events.compactMap { event -> ToolError? in
            if case .fallbackUsed(let error) = event.kind { return error }
            return nil
        }
        #expect(used.map(\.code) == [.upstream])
    }

    @Test("a fallback value answers failed calls, and successful calls do not use it")
    func fallbackValue() async throws {
        let upstream = ScriptedUpstream<String>([.succeed("sunny"), .fail(unavailable)])
        let tool = try harness.tool(
            pipeline: pipeline((FallbackMiddleware.value("unknown"), .fallback)), upstream: upstream)

        #expect(try await tool(Query()) == "sunny")
        #expect(harness.recorder.count("fallback_used") == 0)
        #expect(try await tool(Query()) == "unknown")
        #expect(harness.recorder.count("fallback_used") == 1)
    }

    @Test("a fallback answers an open circuit")
    func fallbackForOpenCircuit() async throws {
        let breaker = CircuitBreaker(configuration: .init(mode: .consecutiveFailures(threshold: 1)))
        let codes = Locked<[ToolError.Code]>([])
        let fallback = FallbackMiddleware<Query, String> { error, _, _ in
            codes.value.append(error.code)
            return "unknown"
        }
        let upstream = ScriptedUpstream<String>([.fail(unavailable)])
        let tool = try harness.tool(
            pipeline: pipeline((fallback, .fallback), (CircuitBreakerMiddleware(breaker: breaker), .breaker)),
            upstream: upstream
        )

        #expect(try await tool(Query()) == "unknown")
        #expect(try await tool(Query()) == "unknown")
        #expect(codes.value == [.upstream, .circuitOpen])
        #expect(upstream.calls == 1)
    }

    @Test("cancellation is not replaced by a fallback")
    func cancellationNotReplaced() async throws {
        let gate = Gate()
        let used = Locked(false)
        let fallback = FallbackMiddleware<Query, String> { _, _, _ in
            used.value = true
            return "unknown"
        }
        let upstream = ScriptedUpstream<String>([.wait(gate, then: .succeed("sunny"))])
        let tool = try harness.tool(pipeline: pipeline((fallback, .fallback)), upstream: upstream)
        let call = Task { try await tool(Query()) }

        await gate.waitForWaiters(1)
        call.cancel()

        let error = await #expect(throws: ToolError.self) { try await call.waitForValue() }
        #expect(error?.code == .cancelled)
        #expect(!used.value)
        #expect(harness.recorder.count("fallback_used") == 0)
    }

    @Test("a handler that throws fails the call with its own error")
    func throwingHandler() async throws {
        let fallback = FallbackMiddleware<Query, String> { error, _, _ in throw error }
        let upstream = ScriptedUpstream<String>([.fail(ToolError.upstream("404", retryable: false))])
        let tool = try harness.tool(pipeline: pipeline((fallback, .fallback)), upstream: upstream)

        let error = await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(error?.message == "404")
        #expect(harness.recorder.count("fallback_used") == 0)
    }
}

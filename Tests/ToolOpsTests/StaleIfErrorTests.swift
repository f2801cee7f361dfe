import Testing
import ToolOps
import ToolOpsTesting

@Suite("Stale-if-error")
struct StaleIfErrorTests {
    @Test("a stale value served on error is not re-stored as fresh")
    func staleNotRestoredAsFresh() async throws {
        let harness = Harness()
        let upstream = ScriptedUpstream<Quote>(
            [.succeed(Quote(symbol: "ACME", price: 10))],
            otherwise: .fail(ToolError.upstream("503 service unavailable"))
        )
        let tool = try harness.runtime.readonly(
            "quote",
            options: ReadOnlyOptions(ttl: .seconds(10), staleIfError: true, staleTTL: .seconds(100), retries: 0)
        ) { (_: Query) in try await upstream() }
        let key = try tool.key(for: Query(id: 1))

        #expect(try await tool(Query(id: 1)).price == 10)
        let original = try #require(harness.memory.entry(for: key))

        harness.clock.advance(by: .seconds(11))
        #expect(try await tool(Query(id: 1)).price == 10)
        #expect(harness.recorder.count("stale_served") == 1)
        let afterStale = try #require(harness.memory.entry(for: key))
        #expect(afterStale.storedAt == original.storedAt)
        #expect(afterStale.freshUntil == original.freshUntil)
        #expect(harness.recorder.count("cache_written") == 1)

        // Still stale, not fresh: the next call goes to the upstream again, then falls back to stale.
        #expect(try await tool(Query(id: 1)).price == 10)
        #expect(upstream.calls == 3)
        #expect(harness.recorder.count("cache_hit") == 0)
        #expect(harness.recorder.count("stale_served") == 2)

        // Past the stale window the error surfaces.
        harness.clock.advance(by: .seconds(100))
        let error = await #expect(throws: ToolError.self) { try await tool(Query(id: 1)) }
        #expect(error?.code == .upstream)
    }

    @Test("staleIfError works with the default stale window")
    func staleIfErrorWithDefaults() async throws {
        let harness = Harness()
        let upstream = ScriptedUpstream<Quote>(
            [.succeed(Quote(symbol: "ACME", price: 1))],
            otherwise: .fail(ToolError.upstream("down", retryable: false))
        )
        let tool = try harness.runtime.readonly("quote", options: ReadOnlyOptions(staleIfError: true)) {
            (_: Query) in try await upstream()
        }
        _ = try await tool(Query(id: 1))
        harness.clock.advance(by: .seconds(3601))
        #expect(try await tool(Query(id: 1)).price == 1)
        #expect(harness.recorder.count("stale_served") == 1)
    }

    @Test("an open circuit serves the stale value without calling the upstream")
    func openBreakerServesStale() async throws {
        let harness = Harness()
        let upstream = ScriptedUpstream<Quote>(
            [.succeed(Quote(symbol: "ACME", price: 5))],
            otherwise: .fail(ToolError.upstream("down", retryable: false))
        )
        let tool = try harness.runtime.readonly(
            "quote",
            options: ReadOnlyOptions(ttl: .seconds(10), staleIfError: true, retries: 0, circuitThreshold: 1)
        ) { (_: Query) in try await upstream() }
        _ = try await tool(Query(id: 1))
        _ = try? await tool(Query(id: 2))  // fails and opens the circuit (threshold 1)
        harness.clock.advance(by: .seconds(11))
        let callsBefore = upstream.calls
        #expect(try await tool(Query(id: 1)).price == 5)
        #expect(upstream.calls == callsBefore, "the open breaker must not let the call through")
        #expect(harness.recorder.count("rejected") >= 1)
        #expect(harness.recorder.count("stale_served") == 1)
    }

    @Test("a fallback answers with the error in hand when the live call fails, and is never cached")
    func fallbackSeesStale() async throws {
        let harness = Harness()
        let upstream = ScriptedUpstream<Quote>(
            [.succeed(Quote(symbol: "ACME", price: 7))],
            otherwise: .fail(ToolError.upstream("down", retryable: false))
        )
        let tool = try harness.runtime.readonly(
            "quote",
            options: ReadOnlyOptions(ttl: .seconds(10), staleIfError: false, retries: 0),
            fallback: { error, stale, input in
                Quote(symbol: "fallback-\(input.id)-\(error.code)", price: stale?.value.price ?? -1)
            }
        ) { (_: Query) in try await upstream() }
        _ = try await tool(Query(id: 1))
        harness.clock.advance(by: .seconds(11))
        let answer = try await tool(Query(id: 1))
        #expect(answer == Quote(symbol: "fallback-1-upstream", price: -1))
        #expect(harness.recorder.count("fallback_used") == 1)
        #expect(harness.recorder.count("cache_written") == 1)
    }

    @Test("a caller with a stale value is not answered by a refresh flight that has none")
    func refreshFlightDoesNotSwallowStale() async throws {
        let harness = Harness()
        let gate = Gate()
        let down = ToolError.upstream("down", retryable: false)
        let upstream = ScriptedUpstream<Quote>(
            [.succeed(Quote(symbol: "ACME", price: 3))],
            otherwise: .wait(gate, then: .fail(down))
        )
        let tool = try harness.runtime.readonly(
            "quote",
            options: ReadOnlyOptions(ttl: .seconds(10), staleIfError: true, retries: 0)
        ) { (_: Query) in try await upstream() }
        _ = try await tool(Query(id: 1))
        harness.clock.advance(by: .seconds(11))

        let refresh = Task { try await tool(Query(id: 1), options: CallOptions(cache: .refresh)) }
        await gate.waitForWaiters(1)
        let normal = Task { try await tool(Query(id: 1)) }
        await gate.waitForWaiters(2)
        gate.open()

        await #expect(throws: ToolError.self) { try await refresh.value }
        #expect(try await normal.value.price == 3)
        #expect(harness.recorder.count("stale_served") == 1)
    }
}

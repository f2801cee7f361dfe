import Testing
import ToolOps
import ToolOpsTesting

@Suite("Early rejection on an open circuit")
struct EarlyRejectionTests {
    let failing = ScriptedUpstream<Int>([.fail(ToolError.upstream("down", retryable: false))], otherwise: .succeed(1))

    @Test("a tool with nothing before its breaker that could answer is refused before its key is derived")
    func refusedBeforeTheKey() async throws {
        let harness = Harness()
        let tool = try harness.runtime.readonly(
            "no_cache",
            options: ReadOnlyOptions(cache: .disabled, retries: 2, circuitThreshold: 1)
        ) { (_: Query) in try await failing() }
        await #expect(throws: ToolError.self) { try await tool(Query(id: 1)) }
        harness.recorder.reset()

        let refusal = await #expect(throws: ToolError.self) { try await tool(Query(id: 2)) }
        #expect(refusal?.code == .circuitOpen)
        #expect(refusal?.tool == "no_cache")
        #expect(refusal?.retryAfter == .seconds(30))
        #expect(failing.calls == 1)
        #expect(harness.recorder.names == ["started", "rejected", "failed"])
        #expect(harness.recorder.events.allSatisfy { $0.key == nil })
        #expect(harness.runtime.breakers.statistics[tool.id]?.rejections == 1)
    }

    @Test("after the recovery time the probe takes the normal path and can close the circuit")
    func probeAfterRecovery() async throws {
        let harness = Harness()
        let tool = try harness.runtime.readonly(
            "no_cache",
            options: ReadOnlyOptions(cache: .disabled, retries: 0, timeout: nil, circuitThreshold: 1)
        ) { (_: Query) in try await failing() }
        await #expect(throws: ToolError.self) { try await tool(Query(id: 1)) }
        harness.clock.advance(by: .seconds(30))
        #expect(try await tool(Query(id: 1)) == 1)
        #expect(harness.runtime.breakers.states[tool.id] == .closed)
        #expect(failing.calls == 2)
    }

    @Test("with a cache, fresh hits are still served while the circuit is open")
    func cacheStillAnswers() async throws {
        let harness = Harness()
        let upstream = ScriptedUpstream<Int>(
            [.succeed(7), .fail(ToolError.upstream("down", retryable: false))],
            otherwise: .fail(ToolError.upstream("down", retryable: false))
        )
        let tool = try harness.runtime.readonly("cached", options: ReadOnlyOptions(retries: 0, circuitThreshold: 1)) {
            (_: Query) in try await upstream()
        }
        #expect(try await tool(Query(id: 1)) == 7)
        await #expect(throws: ToolError.self) { try await tool(Query(id: 2)) }
        #expect(harness.runtime.breakers.states[tool.id] == .open)
        #expect(try await tool(Query(id: 1)) == 7)
        let refusal = await #expect(throws: ToolError.self) { try await tool(Query(id: 3)) }
        #expect(refusal?.code == .circuitOpen)
        #expect(harness.recorder.events.filter { $0.kind.name == "rejected" }.allSatisfy { $0.key != nil })
    }

    @Test("with a fallback, the fallback still answers while the circuit is open")
    func fallbackStillAnswers() async throws {
        let harness = Harness()
        let tool = try harness.runtime.readonly(
            "with_fallback",
            options: ReadOnlyOptions(cache: .disabled, retries: 0, circuitThreshold: 1),
            fallback: { error, _, _ in error.code == .circuitOpen ? -1 : -2 }
        ) { (_: Query) in try await failing() }
        #expect(try await tool(Query(id: 1)) == -2)
        #expect(try await tool(Query(id: 1)) == -1)
        #expect(failing.calls == 1)
    }
}

import Synchronization
import Testing
import ToolOps
import ToolOpsTesting

@Suite("Tool identity and side effects")
struct ToolIsolationTests {
    @Test("two tools with the same body but different names share neither cache nor breaker")
    func sameBodyDifferentNames() async throws {
        let harness = Harness()
        let calls = Counter()
        let failing = Flag()
        let body: @Sendable (Query) async throws -> Int = { query in
            calls.increment()
            if failing.value { throw ToolError.upstream("boom", retryable: false) }
            return query.id
        }
        let options = ReadOnlyOptions(retries: 0, circuitThreshold: 1)
        let first = try harness.runtime.readonly("first_tool", options: options, body: body)
        let second = try harness.runtime.readonly("second_tool", options: options, body: body)

        #expect(try await first(Query(id: 1)) == 1)
        #expect(try await second(Query(id: 1)) == 1)
        #expect(calls.value == 2, "the second tool must not hit the first one's cache")

        failing.set(true)
        await #expect(throws: ToolError.self) { try await first(Query(id: 2)) }
        #expect(harness.runtime.breakers.states[first.id] == .open)
        #expect(harness.runtime.breakers.states[second.id] == .closed)
        let secondError = await #expect(throws: ToolError.self) { try await second(Query(id: 2)) }
        #expect(secondError?.code == .upstream, "the second tool's breaker is its own, still closed")
    }

    @Test("a side-effect tool is never cached, coalesced or retried without idempotency")
    func sideEffectsAreLeftAlone() async throws {
        let harness = Harness()
        let gate = Gate()
        let upstream = ScriptedUpstream<String>([.wait(gate, then: .succeed("sent"))])
        let send = try harness.runtime.sideeffect("send_email") { (_: Query) in try await upstream() }
        let tasks = (0..<3).map { _ in Task { try await send(Query(id: 1)) } }
        await gate.waitForWaiters(3)
        gate.open()
        for task in tasks { #expect(try await task.value == "sent") }
        _ = try await send(Query(id: 1))
        #expect(upstream.calls == 4)
        #expect(harness.recorder.count("cache_hit") == 0)
        #expect(harness.recorder.count("coalesced") == 0)

        let flaky = ScriptedUpstream<String>([.fail(ToolError.upstream("503"))], otherwise: .succeed("ok"))
        let charge = try harness.runtime.sideeffect("charge_card") { (_: Query) in try await flaky() }
        await #expect(throws: ToolError.self) { try await charge(Query(id: 1)) }
        #expect(flaky.calls == 1)
        #expect(harness.recorder.count("retry") == 0)
    }

    @Test("a side-effect call with an idempotency key is retried")
    func idempotencyKeyAllowsRetry() async throws {
        let harness = Harness()
        let flaky = ScriptedUpstream<String>([.fail(ToolError.upstream("503"))], otherwise: .succeed("charged"))
        let options = SideEffectOptions(retryPolicy: RetryPolicy(initialDelay: .zero), timeout: nil)
        let charge = try harness.runtime.sideeffect("charge_card", options: options) { (_: Query) in try await flaky() }
        let call = Task { try await charge(Query(id: 1), options: CallOptions(idempotencyKey: "order-1")) }
        #expect(try await call.value == "charged")
        #expect(flaky.calls == 2)
    }

    @Test("a store name that is not registered is an error when the tool is built")
    func unknownStoreIsAnError() {
        let harness = Harness()
        let error = #expect(throws: ToolError.self) {
            try harness.runtime.readonly("t", options: ReadOnlyOptions(cache: "redis")) { (q: Query) in q.id }
        }
        #expect(error?.code == .misconfigured)
        #expect(error?.message.contains("redis") == true)
        #expect(error?.message.contains("did you mean") == false, "nothing close to 'redis': no guess")
        let misspelt = #expect(throws: ToolError.self) {
            try harness.runtime.readonly("u", options: ReadOnlyOptions(cache: "memroy")) { (q: Query) in q.id }
        }
        #expect(misspelt?.message.contains("did you mean 'memory'?") == true)
    }

    @Test("invalid options are errors naming the option")
    func invalidOptions() {
        let harness = Harness()
        let cases: [(ReadOnlyOptions, String)] = [
            (ReadOnlyOptions(ttl: .zero), "ttl"),
            (ReadOnlyOptions(retries: -1), "retries"),
            (ReadOnlyOptions(timeout: .seconds(-1)), "timeout"),
            (ReadOnlyOptions(circuitThreshold: 0), "circuitThreshold"),
        ]
        for (options, field) in cases {
            let error = #expect(throws: ToolError.self) {
                try harness.runtime.readonly("t", options: options) { (q: Query) in q.id }
            }
            #expect(error?.field == field)
        }
    }
}

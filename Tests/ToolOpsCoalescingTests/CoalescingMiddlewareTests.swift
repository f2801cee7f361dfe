import Testing
import ToolOpsCoalescing
import ToolOpsCore
import ToolOpsTesting

@Suite("Coalescing middleware")
struct CoalescingMiddlewareTests {
    struct Query: Codable, Sendable { var id: Int }

    let flights = CallFlights()

    func tool(
        effect: ToolEffect, upstream: ScriptedUpstream<String>, observer: RecordingObserver
    ) throws -> Tool<Query, String> {
        var pipeline = ToolPipeline<Query, String>()
        pipeline.add(CoalescingMiddleware(flights: flights), at: .coalesce)
        return try Tool(
            ToolDescriptor(name: "lookup", effect: effect),
            environment: ToolEnvironment(clock: ManualClock(), observer: observer),
            pipeline: pipeline
        ) { _ in try await upstream() }
    }

    @Test("identical concurrent calls of a read-only tool reach the upstream once")
    func readOnlyCallsCoalesce() async throws {
        let gate = Gate()
        let upstream = ScriptedUpstream<String>([.wait(gate, then: .succeed("v"))])
        let recorder = RecordingObserver()
        let tool = try tool(effect: .readOnly, upstream: upstream, observer: recorder)
        let tasks = (0..<20).map { _ in Task { try await tool(Query(id: 7)) } }
        await gate.waitForWaiters(1)
        let key = FlightKey(call: try tool.key(for: Query(id: 7)), cache: .use)
        while flights.waiters(for: key) < 20 { await Task.yield() }
        gate.open()
        for task in tasks { #expect(try await task.value == "v") }
        #expect(upstream.calls == 1)
        #expect(recorder.count("coalesced") == 19)
    }

    @Test("side-effect tools are never coalesced")
    func sideEffectsAreNotCoalesced() async throws {
        let gate = Gate()
        let upstream = ScriptedUpstream<String>([.wait(gate, then: .succeed("sent"))])
        let recorder = RecordingObserver()
        let tool = try tool(effect: .sideEffect(idempotent: false), upstream: upstream, observer: recorder)
        let tasks = (0..<3).map { _ in Task { try await tool(Query(id: 1)) } }
        await gate.waitForWaiters(3)
        gate.open()
        for task in tasks { _ = try await task.value }
        #expect(upstream.calls == 3)
        #expect(recorder.count("coalesced") == 0)
    }
}

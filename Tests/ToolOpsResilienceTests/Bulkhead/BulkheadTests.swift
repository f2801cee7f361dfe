import Testing
import ToolOpsCore
import ToolOpsResilience
import ToolOpsTesting

@Suite("Bulkhead", .timeLimit(.minutes(1)))
struct BulkheadTests {
    let harness = Harness()

    func bulkhead(_ maxConcurrent: Int, queue: Int) -> Bulkhead {
        Bulkhead(configuration: .init(maxConcurrent: maxConcurrent, maxQueue: queue))
    }

    @Test("a call beyond the limit waits in the queue and runs when a slot frees")
    func queuedCallRuns() async throws {
        let bulkhead = bulkhead(1, queue: 1)
        let gate = Gate()
        let upstream = ScriptedUpstream<String>([.wait(gate, then: .succeed("first")), .succeed("second")])
        let tool = try harness.tool(
            pipeline: pipeline((BulkheadMiddleware(bulkhead: bulkhead), .admission)), upstream: upstream)

        let first = Task { try await tool(Query()) }
        await gate.waitForWaiters(1)
        let second = Task { try await tool(Query()) }
        await until { bulkhead.queued == 1 }
        #expect(upstream.calls == 1)

        gate.open()
        #expect(try await first.waitForValue() == "first")
        #expect(try await second.waitForValue() == "second")
        #expect(upstream.calls == 2)
        #expect(bulkhead.active == 0)
    }

    @Test("a full queue rejects the call at once with bulkheadFull")
    func fullQueueRejects() async throws {
        let bulkhead = bulkhead(1, queue: 1)
        let gate = Gate()
        let upstream = ScriptedUpstream<String>([.wait(gate, then: .succeed("ok"))])
        let tool = try harness.tool(
            pipeline: pipeline((BulkheadMiddleware(bulkhead: bulkhead), .admission)), upstream: upstream)

        let first = Task { try await tool(Query()) }
        await gate.waitForWaiters(1)
        let second = Task { try await tool(Query()) }
        await until { bulkhead.queued == 1 }

        let error = await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(error?.code == .bulkheadFull)
        #expect(error?.isRetryable == false)
        #expect(error?.tool == "get_weather")
        #expect(harness.rejections == [.bulkheadFull])
        #expect(bulkhead.rejections == 1)

        gate.open()
        _ = try await (first.waitForValue(), second.waitForValue())
    }

    @Test("a cancelled queued waiter leaves the queue, and the freed slot goes to the next waiter")
    func cancelledWaiterLeaves() async throws {
        let bulkhead = bulkhead(1, queue: 2)
        try await bulkhead.acquire()
        let cancelled = Task { try await bulkhead.acquire() }
        await until { bulkhead.queued == 1 }
        let next = Task { try await bulkhead.acquire() }
        await until { bulkhead.queued == 2 }

        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.waitForValue() }
        #expect(bulkhead.queued == 1)

        bulkhead.release()
        try await next.waitForValue()
        #expect(bulkhead.active == 1)
        #expect(bulkhead.queued == 0)
        bulkhead.release()
        #expect(bulkhead.active == 0)
    }

    @Test("a caller cancelled in the queue ends as cancelled and never reaches the upstream")
    func cancelledCallerThroughMiddleware() async throws {
        let bulkhead = bulkhead(1, queue: 1)
        let gate = Gate()
        let upstream = ScriptedUpstream<String>([.wait(gate, then: .succeed("ok"))])
        let tool = try harness.tool(
            pipeline: pipeline((BulkheadMiddleware(bulkhead: bulkhead), .admission)), upstream: upstream)

        let first = Task { try await tool(Query()) }
        await gate.waitForWaiters(1)
        let queued = Task { try await tool(Query()) }
        await until { bulkhead.queued == 1 }
        queued.cancel()

        let error = await #expect(throws: ToolError.self) { try await queued.waitForValue() }
        #expect(error?.code == .cancelled)
        #expect(harness.rejections.isEmpty)
        gate.open()
        _ = try await first.waitForValue()
        #expect(upstream.calls == 1)
        #expect(bulkhead.active == 0)
    }

    @Test("waiters get freed slots in the order they arrived")
    func firstInFirstOut() async throws {
        let bulkhead = bulkhead(1, queue: 2)
        let order = Locked<[String]>([])
        try await bulkhead.acquire()
        let early = Task {
            try await bulkhead.acquire()
            order.value.append("early")
        }
        await until { bulkhead.queued == 1 }
        let late = Task {
            try await bulkhead.acquire()
            order.value.append("late")
        }
        await until { bulkhead.queued == 2 }

        bulkhead.release()
        await until { !order.value.isEmpty }
        #expect(order.value == ["early"])
        #expect(bulkhead.queued == 1)
        bulkhead.release()
        try await early.waitForValue()
        try await late.waitForValue()
        #expect(order.value == ["early", "late"])
    }
}

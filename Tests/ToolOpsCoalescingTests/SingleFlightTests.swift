import Synchronization
import Testing
import ToolOpsCoalescing
import ToolOpsCore
import ToolOpsTesting

@Suite("Single flight")
struct SingleFlightTests {
    struct Boom: Error, Equatable {}

    @Test("10,000 concurrent waiters share one upstream call and its value")
    func tenThousandWaiters() async throws {
        let flights = SingleFlight<String, Int>()
        let gate = Gate()
        let calls = Counter()
        let waiters = 10_000
        try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for _ in 0..<waiters {
                group.addTask {
                    try await flights.run("key") {
                        calls.increment()
                        try await gate.wait()
                        return 42
                    }
                }
            }
            while flights.waiters(for: "key") < waiters { await Task.yield() }
            gate.open()
            var joined = 0
            for try await (value, didJoin) in group {
                #expect(value == 42)
                if didJoin { joined += 1 }
            }
            #expect(joined == waiters - 1)
        }
        #expect(calls.value == 1)
        #expect(flights.flightCount == 0)
    }

    @Test("cancelling the leader neither cancels nor hangs the followers")
    func leaderCancellation() async throws {
        let flights = SingleFlight<String, String>()
        let gate = Gate()
        let calls = Counter()
        let operation: @Sendable () async throws -> String = {
            calls.increment()
            try await gate.wait()
            return "result"
        }
        let leader = Task { try await flights.run("k", operation: operation) }
        await gate.waitForWaiters(1)
        let followers = (0..<3).map { _ in Task { try await flights.run("k", operation: operation) } }
        while flights.waiters(for: "k") < 4 { await Task.yield() }

        leader.cancel()
        await #expect(throws: CancellationError.self) { try await leader.value }
        #expect(flights.waiters(for: "k") == 3)
        gate.open()
        for follower in followers {
            let (value, joined) = try await follower.value
            #expect(value == "result")
            #expect(joined)
        }
        #expect(calls.value == 1)
    }

    @Test("the flight is cancelled only when every waiter has left")
    func flightCancelledWhenAllLeave() async throws {
        let flights = SingleFlight<String, String>()
        let gate = Gate()
        let cancelledFlight = Flag()
        let operation: @Sendable () async throws -> String = {
            do {
                try await gate.wait()
            } catch {
                cancelledFlight.set(true)
                throw error
            }
            return "late"
        }
        let first = Task { try await flights.run("k", operation: operation) }
        await gate.waitForWaiters(1)
        let second = Task { try await flights.run("k", operation: operation) }
        while flights.waiters(for: "k") < 2 { await Task.yield() }

        first.cancel()
        _ = await first.result
        #expect(gate.waiting == 1, "one waiter left, the flight must still run")
        let cancelledEarly = cancelledFlight.value
        #expect(!cancelledEarly)

        second.cancel()
        _ = await second.result
        while !cancelledFlight.value { await Task.yield() }
        #expect(flights.flightCount == 0)

        // A new caller starts a fresh flight.
        gate.open()
        let (value, joined) = try await flights.run("k", operation: operation)
        #expect(value == "late")
        #expect(!joined)
    }

    @Test("every waiter gets the same error")
    func errorsAreShared() async throws {
        let flights = SingleFlight<Int, Int>()
        let gate = Gate()
        let tasks = (0..<5).map { _ in
            Task {
                try await flights.run(1) {
                    try await gate.wait()
                    throw Boom()
                }
            }
        }
        while flights.waiters(for: 1) < 5 { await Task.yield() }
        gate.open()
        for task in tasks {
            await #expect(throws: Boom.self) { try await task.value }
        }
    }

    @Test("different keys fly separately")
    func keysAreIndependent() async throws {
        let flights = SingleFlight<Int, Int>()
        let calls = Counter()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for key in 0..<10 {
                group.addTask {
                    try await flights.run(key) {
                        calls.increment()
                        return key * 2
                    }.value
                }
            }
            var sum = 0
            for try await value in group { sum += value }
            #expect(sum == 90)
        }
        #expect(calls.value == 10)
    }
}

import Dispatch
import Synchronization
import Testing
import ToolOps

@testable import ToolOpsDemo

@Suite("Demo simulation driver")
struct SimulationDriverTests {
    @Test("tasks a call starts with Task.immediate or Task {} run on the simulation's thread")
    func unstructuredTasksRunOnTheSimulationThread() async throws {
        let clock = SimulationClock()
        let log = Log<String>()
        let driver = SimulationDriver(executor: SimulationExecutor(), clock: clock)
        let end = try await driver.run(
            [
                {
                    log.append("agent on thread: \(SimulationThread.current != nil)")
                    let attempt = Task.immediate {
                        try? await clock.sleep(for: .seconds(1))
                        log.append("immediate, resumed, on thread: \(SimulationThread.current != nil)")
                    }
                    await attempt.value
                    // Outlives the agent, as a timeout timer's driver task may.
                    Task {
                        log.append("unstructured on thread: \(SimulationThread.current != nil)")
                        try? await clock.sleep(for: .seconds(5))
                        log.append("unstructured, resumed, on thread: \(SimulationThread.current != nil)")
                    }
                }
            ],
            step: {}
        )

        #expect(
            log.values == [
                "agent on thread: true", "immediate, resumed, on thread: true", "unstructured on thread: true",
                "unstructured, resumed, on thread: true",
            ])
        // The lingering task was woken before the run returned, but its time does not count.
        #expect(end == .seconds(1))
        #expect(clock.elapsed == .seconds(6))
        #expect(clock.sleeperCount == 0)
    }

    @Test("a ToolOps call that times out ends at its deadline in virtual time, with every caller of its flight")
    func toolOpsTimeoutsKeepVirtualTime() async throws {
        let clock = SimulationClock()
        let tally = EventTally()
        let runtime = ToolRuntime(environment: ToolEnvironment(clock: clock, observer: tally))
        let options = ReadOnlyOptions(cache: .disabled, retries: 0, timeout: .seconds(2))
        let tool = try runtime.readonly("slow_weather", options: options) { (query: CityQuery) in
            try await SimulationContext.$sleepKind.withValue(.upstream) { try await clock.sleep(for: .seconds(3)) }
            return WeatherReport(city: query.city, temperatureC: 20, conditions: "sunny")
        }
        let failures = Log<(agent: Int, at: Duration, code: ToolError.Code?)>()
        let agents: [@Sendable () async -> Void] = (0..<3).map { agent in
            {
                try? await clock.sleep(for: .milliseconds(1 + 100 * agent))
                do {
                    _ = try await tool(CityQuery(city: "Paris"))
                } catch {
                    failures.append((agent, clock.elapsed, (error as? ToolError)?.code))
                }
            }
        }

        let end = try await SimulationDriver(executor: SimulationExecutor(), clock: clock).run(agents, step: {})

        // One flight, joined by the two later callers, cut at 1 ms + 2 s; all three fail with it.
        #expect(failures.values.map(\.agent).sorted() == [0, 1, 2])
        #expect(failures.values.allSatisfy { $0.at == .milliseconds(2001) && $0.code == .timeout })
        #expect(end == .milliseconds(2001))
        #expect(tally.count(.upstreamCalls) == 1)
        #expect(tally.count(.coalesced) == 2)
        #expect(tally.count(.timeouts) == 1)
    }

    @Test("agents waiting on something the clock will never wake are reported as a stall, not a hang")
    func stallIsReported() async throws {
        let driver = SimulationDriver(
            executor: SimulationExecutor(), clock: SimulationClock(), stallGrace: .milliseconds(20))

        await #expect(throws: SimulationDriver.Stalled.self) {
            _ = try await driver.run(
                [{ await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in } }], step: {})
        }
    }

    @Test("work that leaves the simulation's thread fails the run rather than making it depend on timing")
    func escapeIsReported() async throws {
        let clock = SimulationClock()
        let driver = SimulationDriver(executor: SimulationExecutor(), clock: clock)

        await #expect(throws: SimulationDriver.Escaped.self) {
            _ = try await driver.run(
                [
                    {
                        await withTaskExecutorPreference(ForeignExecutor()) {
                            try? await clock.sleep(for: .seconds(1))
                        }
                    }
                ],
                step: {}
            )
        }
    }
}

/// Values appended from any thread, in order.
private final class Log<Value: Sendable>: Sendable {
    private let storage = Mutex<[Value]>([])

    func append(_ value: Value) {
        storage.withLock { $0.append(value) }
    }

    var values: [Value] {
        storage.withLock { $0 }
    }
}

/// A task executor running every job on the global dispatch queue: somewhere the simulation cannot see.
private final class ForeignExecutor: TaskExecutor {
    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        DispatchQueue.global().async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

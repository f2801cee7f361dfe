import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs simulated agents to completion in virtual time, on a thread of its own.
///
/// The loop is a discrete-event simulation: run every queued job of the ``SimulationExecutor``;
/// once all simulated work is blocked — the queue is empty and the ``FlightTracker`` says every
/// call is settled — move the ``SimulationClock`` to the next sleeper's deadline and wake that one
/// sleeper; repeat until every agent has finished. Virtual time never moves while something could
/// still react at the current instant, so the outcome does not depend on real timing.
struct SimulationDriver: Sendable {
    /// The simulation got stuck: work that never settles, or agents waiting with nobody asleep.
    struct Stalled: Error, CustomStringConvertible {
        let detail: String
        var description: String { "the simulation stalled (\(detail)); this is a bug in the demo" }
    }

    let executor: SimulationExecutor
    let clock: SimulationClock
    let tracker: FlightTracker
    /// How long the loop waits for work off the simulation thread before giving up.
    var stallTimeout: Duration = .seconds(10)

    /// Runs `agents[i]` as agent `i` until all of them return; `step` is called after each wake-up.
    func run(
        _ agents: [@Sendable () async -> Void],
        step: @escaping @Sendable () -> Void
    ) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                continuation.resume(with: Result { try loop(agents, step: step) })
            }
            thread.name = "toolops-demo-simulation"
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    private func loop(_ agents: [@Sendable () async -> Void], step: () -> Void) throws {
        let finished = FinishedAgents()
        for (index, agent) in agents.enumerated() {
            Task(executorPreference: executor) {
                await SimulationContext.$agent.withValue(index) { await agent() }
                finished.count.add(1, ordering: .sequentiallyConsistent)
            }
        }
        while true {
            executor.runUntilIdle()
            if finished.count.load(ordering: .sequentiallyConsistent) == agents.count { return }
            try waitUntilSettled()
            guard executor.isIdle else { continue }
            // The tracker hears of the wake-up before the woken task can run and report progress.
            let woke = clock.wakeNext { agent, kind in tracker.woke(agent: agent, kind: kind) }
            guard woke else { throw Stalled(detail: "agents are waiting but nothing sleeps on the clock") }
            step()
        }
    }

    /// Returns once every call is settled, or at once when new jobs arrive for the simulation thread.
    private func waitUntilSettled() throws {
        let started = ContinuousClock.now
        var spins = 0
        while !tracker.isSettled(sleepers: clock.sleeperCounts()) {
            if !executor.isIdle { return }
            spins += 1
            if spins < 64 {
                sched_yield()
            } else {
                usleep(20)
                if ContinuousClock.now - started > stallTimeout {
                    throw Stalled(detail: tracker.unsettledDescription(sleepers: clock.sleeperCounts()))
                }
            }
        }
    }
}

/// How many agents have returned.
private final class FinishedAgents: Sendable {
    let count = Atomic(0)
}

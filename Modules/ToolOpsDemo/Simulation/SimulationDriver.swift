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
/// once the queue is empty, every task of the simulation is blocked — on the clock, or on another
/// task that is — so move the ``SimulationClock`` to the next sleeper's deadline and wake that one
/// sleeper; repeat until every agent has finished. ``SimulationThread`` keeps every task the
/// simulation starts on the driver's thread, so an empty queue is proof that nothing runs, whatever
/// tasks ToolOps starts inside a call. Virtual time never moves while something could still react
/// at the current instant, and the jobs run in the same order every time, so the outcome does not
/// depend on real timing.
///
/// Work may outlive the agents — a timeout timer sleeps until the deadline of the last attempt it
/// served — so once every agent has finished, the driver wakes the remaining sleepers until none is
/// left, without counting that time.
struct SimulationDriver: Sendable {
    /// The simulation got stuck: agents waiting with nobody asleep, or work that never stops sleeping.
    struct Stalled: Error, CustomStringConvertible {
        let detail: String
        var description: String { "the simulation stalled (\(detail)); this is a bug in the demo" }
    }

    /// Simulated work ran off the simulation's thread, so the report could depend on thread timing.
    struct Escaped: Error, CustomStringConvertible {
        let detail: String
        var description: String {
            "simulated work ran off the simulation's thread (\(detail)), so the run is not reproducible; "
                + "this is a bug in the demo"
        }
    }

    let executor: SimulationExecutor
    let clock: SimulationClock
    /// How many wake-ups the work left after the last agent may take to wind down.
    var drainLimit = 10_000
    /// How long, in real time, a stalled loop waits for work arriving from other threads before it
    /// reports the stall; such work is reported as escaped instead. Normal runs never wait.
    var stallGrace: Duration = .seconds(1)

    /// Runs `agents[i]` as agent `i` until all of them return; `step` is called after each wake-up.
    ///
    /// - Returns: the virtual time at which the last agent returned, since the clock's start.
    func run(
        _ agents: [@Sendable () async -> Void],
        step: @escaping @Sendable () -> Void
    ) async throws -> Duration {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Duration, any Error>) in
            let thread = Thread {
                let result = Result { try SimulationThread.bind(to: executor) { try loop(agents, step: step) } }
                continuation.resume(with: result)
            }
            thread.name = "toolops-demo-simulation"
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    private func loop(_ agents: [@Sendable () async -> Void], step: () -> Void) throws -> Duration {
        let finished = FinishedAgents(count: agents.count)
        for (index, agent) in agents.enumerated() {
            Task(executorPreference: executor) {
                await SimulationContext.$agent.withValue(index) { await agent() }
                finished.finish(index)
            }
        }
        while true {
            try runUntilIdle()
            if finished.all { break }
            guard clock.wakeNext() else {
                try awaitStragglers()
                throw Stalled(detail: "\(finished.waitingDescription) still running, but nothing sleeps on the clock")
            }
            SimulationThread.unbound { step() }
        }
        let end = clock.elapsed
        var wakeUps = 0
        while clock.wakeNext() {
            wakeUps += 1
            guard wakeUps <= drainLimit else {
                throw Stalled(
                    detail: "work keeps sleeping after every agent finished: \(clock.sleepersDescription())")
            }
            try runUntilIdle()
        }
        return end
    }

    /// Runs every queued job, then checks that no simulated work ran elsewhere.
    private func runUntilIdle() throws {
        executor.runUntilIdle()
        try checkForEscapes()
    }

    private func checkForEscapes() throws {
        let foreign = executor.foreignEnqueues
        let offThread = clock.offThreadSleeps
        guard foreign == 0, offThread == 0 else {
            throw Escaped(detail: "\(foreign) jobs enqueued from other threads, \(offThread) sleeps begun there")
        }
    }

    /// Before a stall is reported: waits up to ``stallGrace`` for work from another thread, and
    /// reports it as escaped if any comes — a better diagnosis than a stall.
    private func awaitStragglers() throws {
        let deadline = ContinuousClock.now + stallGrace
        while executor.isIdle, clock.sleeperCount == 0, executor.foreignEnqueues == 0, clock.offThreadSleeps == 0,
            ContinuousClock.now < deadline
        {
            usleep(1000)
        }
        try checkForEscapes()
    }
}

/// Which agents have returned.
private final class FinishedAgents: Sendable {
    private struct State {
        var finished: [Bool]
        var running: Int
    }

    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(finished: Array(repeating: false, count: count), running: count))
    }

    func finish(_ agent: Int) {
        state.withLock { state in
            guard !state.finished[agent] else { return }
            state.finished[agent] = true
            state.running -= 1
        }
    }

    var all: Bool {
        state.withLock { $0.running == 0 }
    }

    /// The agents still running, `"agents 2, 5"`, naming at most ten.
    var waitingDescription: String {
        let waiting = state.withLock { state in state.finished.indices.filter { !state.finished[$0] } }
        let names = waiting.prefix(10).map(String.init).joined(separator: ", ") + (waiting.count > 10 ? ", …" : "")
        return (waiting.count == 1 ? "agent " : "agents ") + names
    }
}

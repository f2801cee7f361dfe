import Synchronization
import ToolOps

/// Virtual time for the demo: `now()` moves only when the driver wakes the next sleeper.
///
/// Unlike `ManualClock`, it wakes exactly one sleeper at a time: the one with the earliest
/// deadline, and of those due at the same instant the one that went to sleep first. All simulated
/// work runs on the simulation's one thread (see ``SimulationThread``), so the order in which
/// sleepers arrive, and with it the order they wake in, is the same in every run.
///
/// Any task may sleep here — an agent thinking, an upstream answering, a retry backoff, the driver
/// task of a timeout timer that serves many attempts — and each is just a sleeper. The clock tags
/// each with the agent and ``SleepKind`` of ``SimulationContext``, for the driver's error messages
/// only; a task ToolOps starts inherits the tags of the call that started it.
final class SimulationClock: ToolClock {
    /// A sleeper's place in the wake-up order: deadline, then arrival.
    private struct Slot: Comparable {
        let deadline: Timestamp
        let id: UInt64

        static func < (lhs: Slot, rhs: Slot) -> Bool {
            (lhs.deadline, lhs.id) < (rhs.deadline, rhs.id)
        }
    }

    private struct Sleeper {
        let slot: Slot
        let agent: Int?
        let kind: SleepKind
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Timestamp
        var queue = MinHeap<Slot>()
        // Cancelled sleepers leave their slot in the queue; it is skipped when it comes up.
        var sleepers: [UInt64: Sleeper] = [:]
        var cancelledEarly: Set<UInt64> = []
        var nextID: UInt64 = 0
        var offThreadSleeps = 0
    }

    /// When the simulation started.
    let start: Timestamp
    private let state: Mutex<State>

    /// A clock at `start` (by default 2025-01-01T00:00:00Z, so that files and events carry a fixed date).
    init(start: Timestamp = Timestamp(nanosecondsSinceEpoch: 1_735_689_600_000_000_000)) {
        self.start = start
        state = Mutex(State(now: start))
    }

    func now() -> Timestamp {
        state.withLock { $0.now }
    }

    /// Virtual time since the simulation started.
    var elapsed: Duration {
        start.duration(to: now())
    }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        guard duration > .zero else { return }
        let agent = SimulationContext.agent
        let kind = SimulationContext.sleepKind
        let onThread = SimulationThread.current != nil
        let id = state.withLock { state in
            state.nextID += 1
            if !onThread { state.offThreadSleeps += 1 }
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let cancelled = state.withLock { state -> Bool in
                    if state.cancelledEarly.remove(id) != nil { return true }
                    let slot = Slot(deadline: state.now.advanced(by: duration), id: id)
                    state.queue.insert(slot)
                    state.sleepers[id] = Sleeper(slot: slot, agent: agent, kind: kind, continuation: continuation)
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                if let sleeper = state.sleepers.removeValue(forKey: id) { return sleeper }
                state.cancelledEarly.insert(id)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time to the first sleeper's deadline and wakes that sleeper alone; false when nobody sleeps.
    func wakeNext() -> Bool {
        let sleeper = state.withLock { state -> Sleeper? in
            while let slot = state.queue.popFirst() {
                guard let sleeper = state.sleepers.removeValue(forKey: slot.id) else { continue }
                state.now = max(state.now, slot.deadline)
                return sleeper
            }
            return nil
        }
        guard let sleeper else { return false }
        sleeper.continuation.resume()
        return true
    }

    /// How many sleepers wait to be woken.
    var sleeperCount: Int {
        state.withLock { $0.sleepers.count }
    }

    /// How many sleeps began off the simulation's thread: work that escaped the simulation.
    var offThreadSleeps: Int {
        state.withLock { $0.offThreadSleeps }
    }

    /// The sleepers in wake-up order, for an error message: `"internal for agent 2 at t=12.3s"`.
    func sleepersDescription() -> String {
        state.withLock { state in
            state.sleepers.values.sorted { $0.slot < $1.slot }.map { sleeper in
                let owner = sleeper.agent.map { "agent \($0)" } ?? "no agent"
                let seconds = DemoReport.formatNumber(start.duration(to: sleeper.slot.deadline).seconds, decimals: 3)
                return "\(sleeper.kind) for \(owner) at t=\(seconds)s"
            }.joined(separator: ", ")
        }
    }
}

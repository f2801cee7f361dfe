import Synchronization
import ToolOps

/// Virtual time for the demo: `now()` moves only when the driver wakes the next sleeper.
///
/// Unlike `ManualClock`, it wakes exactly one sleeper at a time, in a fixed order — deadline,
/// then agent, then kind, then the agent's own registration order — so that two sleepers due at
/// the same instant always wake in the same order, whatever thread registered them first. Every
/// sleeper is tagged with the agent and ``SleepKind`` of ``SimulationContext``, which the driver
/// uses to tell when all simulated work is blocked.
final class SimulationClock: ToolClock {
    private struct Sleeper {
        let deadline: Timestamp
        let agent: Int
        let kind: SleepKind
        let order: UInt64
        let continuation: CheckedContinuation<Void, any Error>

        func wakesBefore(_ other: Sleeper) -> Bool {
            (deadline, agent, kind.rawValue, order) < (other.deadline, other.agent, other.kind.rawValue, other.order)
        }
    }

    private struct State {
        var now: Timestamp
        var sleepers: [UInt64: Sleeper] = [:]
        var cancelledEarly: Set<UInt64> = []
        var nextID: UInt64 = 0
        var registrations: [Int: UInt64] = [:]
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
        let agent = SimulationContext.agent ?? -1
        let kind = SimulationContext.sleepKind
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let cancelled = state.withLock { state -> Bool in
                    if state.cancelledEarly.remove(id) != nil { return true }
                    let order = state.registrations[agent, default: 0]
                    state.registrations[agent] = order + 1
                    state.sleepers[id] = Sleeper(
                        deadline: state.now.advanced(by: duration),
                        agent: agent,
                        kind: kind,
                        order: order,
                        continuation: continuation
                    )
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
            guard let (id, first) = state.sleepers.min(by: { $0.value.wakesBefore($1.value) }) else { return nil }
            state.sleepers.removeValue(forKey: id)
            state.now = max(state.now, first.deadline)
            return first
        }
        guard let sleeper else { return false }
        sleeper.continuation.resume()
        return true
    }

    /// How many sleepers of each kind belong to each agent.
    func sleeperCounts() -> [Int: [SleepKind: Int]] {
        state.withLock { state in
            var counts: [Int: [SleepKind: Int]] = [:]
            for sleeper in state.sleepers.values {
                counts[sleeper.agent, default: [:]][sleeper.kind, default: 0] += 1
            }
            return counts
        }
    }
}

import Synchronization
import ToolOps

/// Virtual time for the demo: `now()` moves only when the driver wakes the next sleeper.
///
/// Unlike `ManualClock`, it wakes exactly one sleeper at a time, in a fixed order — deadline,
/// then agent, then kind, then the agent's own registration order — so that two sleepers due at
/// the same instant always wake in the same order, whatever thread registered them first. Every
/// sleeper is tagged with the agent and ``SleepKind`` of ``SimulationContext``; the clock keeps
/// count of them per agent, which the driver uses to tell when all simulated work is blocked.
final class SimulationClock: ToolClock {
    /// A sleeper's place in the wake-up order.
    private struct Slot: Comparable {
        let deadline: Timestamp
        let agent: Int
        let kind: SleepKind
        let order: UInt64
        let id: UInt64

        static func < (lhs: Slot, rhs: Slot) -> Bool {
            (lhs.deadline, lhs.agent, lhs.kind.rawValue, lhs.order) < (
                rhs.deadline, rhs.agent, rhs.kind.rawValue, rhs.order
            )
        }
    }

    private struct Sleeper {
        let slot: Slot
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Timestamp
        var queue = MinHeap<Slot>()
        // Cancelled sleepers leave their slot in the queue; it is skipped when it comes up.
        var sleepers: [UInt64: Sleeper] = [:]
        var cancelledEarly: Set<UInt64> = []
        var nextID: UInt64 = 0
        var registrations: [Int: UInt64] = [:]
        var counts: [Int: SleeperCount] = [:]

        mutating func remove(_ id: UInt64) -> Sleeper? {
            guard let sleeper = sleepers.removeValue(forKey: id) else { return nil }
            counts[sleeper.slot.agent, default: SleeperCount()][sleeper.slot.kind] -= 1
            return sleeper
        }
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
                    let slot = Slot(
                        deadline: state.now.advanced(by: duration), agent: agent, kind: kind, order: order, id: id)
                    state.queue.insert(slot)
                    state.sleepers[id] = Sleeper(slot: slot, continuation: continuation)
                    state.counts[agent, default: SleeperCount()][kind] += 1
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                if let sleeper = state.remove(id) { return sleeper }
                state.cancelledEarly.insert(id)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time to the first sleeper's deadline and wakes that sleeper alone, after telling
    /// `willWake` whose it is; false when nobody sleeps.
    func wakeNext(_ willWake: (_ agent: Int, _ kind: SleepKind) -> Void) -> Bool {
        let sleeper = state.withLock { state -> Sleeper? in
            while let slot = state.queue.popFirst() {
                guard let sleeper = state.remove(slot.id) else { continue }
                state.now = max(state.now, slot.deadline)
                return sleeper
            }
            return nil
        }
        guard let sleeper else { return false }
        willWake(sleeper.slot.agent, sleeper.slot.kind)
        sleeper.continuation.resume()
        return true
    }

    /// How many sleepers of each kind belong to each agent (agents with none may be missing).
    func sleeperCounts() -> [Int: SleeperCount] {
        state.withLock { $0.counts }
    }
}

/// How many sleepers of each kind one agent has on the clock.
struct SleeperCount: Sendable, Equatable {
    var think = 0
    var upstream = 0
    var `internal` = 0

    subscript(kind: SleepKind) -> Int {
        get {
            switch kind {
            case .think: think
            case .upstream: upstream
            case .internal: `internal`
            }
        }
        set {
            switch kind {
            case .think: think = newValue
            case .upstream: upstream = newValue
            case .internal: `internal` = newValue
            }
        }
    }
}

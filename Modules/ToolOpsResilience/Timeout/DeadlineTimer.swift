import Synchronization
import ToolOpsCore

/// Runs actions at deadlines on a clock, with one sleeping task for all of them.
///
/// A timeout stage schedules a deadline for every attempt that suspends, and nearly every one is
/// finished long before it fires. A sleeping task per attempt would cost a task, a timer and —
/// because a cancelled sleep keeps its timer until the deadline — memory for the whole timeout.
/// Here one driver task sleeps until the earliest live deadline; finishing an attempt is a removal
/// under a lock. Deadlines of one timer share one timeout, so they arrive in order and a FIFO
/// queue is enough. The driver exits once nothing is scheduled, and starts again when needed.
final class DeadlineTimer: Sendable {
    private struct State {
        var actions: [UInt64: @Sendable () -> Void] = [:]
        var queue: [(id: UInt64, deadline: Timestamp)] = []
        var head = 0
        var fired: Set<UInt64> = []
        var nextID: UInt64 = 0
        var driving = false

        // Drops finished entries once they make up most of the queue, so memory follows the
        // number of attempts in flight, not the number started within one timeout.
        mutating func compactIfSparse() {
            // The slots before `head` are done: drop them once they are most of the array.
            if head > 1024, head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            let pending = queue.count - head
            guard pending > 1024, actions.count * 2 < pending else { return }
            queue = queue[head...].filter { actions[$0.id] != nil }
            head = 0
        }
    }

    private let state = Mutex(State())

    init() {}

    /// Schedules `action` at `deadline`; returns a ticket for ``finish(_:)``.
    func schedule(at deadline: Timestamp, clock: any ToolClock, action: @escaping @Sendable () -> Void) -> UInt64 {
        let (id, startDriver) = state.withLock { state -> (UInt64, Bool) in
            state.nextID &+= 1
            state.actions[state.nextID] = action
            state.queue.append((state.nextID, deadline))
            defer { state.driving = true }
            return (state.nextID, !state.driving)
        }
        if startDriver {
            // Detached: the shared driver must not carry the task-locals of whichever call started it.
            Task.detached { await self.drive(clock: clock) }
        }
        return id
    }

    /// Forgets the ticket; returns whether its action had already run.
    func finish(_ id: UInt64) -> Bool {
        state.withLock { state in
            if state.fired.remove(id) != nil { return true }
            state.actions.removeValue(forKey: id)
            state.compactIfSparse()
            return false
        }
    }

    /// The number of deadlines not yet finished or fired.
    var pending: Int {
        state.withLock { $0.actions.count }
    }

    /// The number of queue slots held, finished ones included until they are compacted away.
    var queued: Int {
        state.withLock { $0.queue.count }
    }

    private func drive(clock: any ToolClock) async {
        while true {
            let now = clock.now()
            let (due, wait) = state.withLock { state -> ([@Sendable () -> Void], Duration?) in
                var due: [@Sendable () -> Void] = []
                while state.head < state.queue.count {
                    let (id, deadline) = state.queue[state.head]
                    guard let action = state.actions[id] else {
                        state.head += 1
                        continue
                    }
                    guard deadline <= now else {
                        state.compactIfSparse()
                        return (due, now.duration(to: deadline))
                    }
                    state.actions.removeValue(forKey: id)
                    state.fired.insert(id)
                    due.append(action)
                    state.head += 1
                }
                state.queue.removeAll()
                state.head = 0
                state.driving = false
                return (due, nil)
            }
            for action in due { action() }
            guard let wait else { return }
            try? await clock.sleep(for: wait)
        }
    }
}

import Synchronization
import ToolOpsCore

/// A clock that moves only when a test tells it to.
///
/// Sleepers wake when ``advance(by:)`` moves time past their deadline, so retry backoff, timeouts,
/// breaker recovery and cache expiry are all tested without a single real sleep.
///
/// ```swift
/// let clock = ManualClock()
/// let call = Task { try await tool(input) }      // sleeps in a retry backoff
/// await clock.waitForSleepers(1)
/// clock.advance(by: .seconds(2))
/// ```
public final class ManualClock: ToolClock {
    private struct Sleeper {
        let deadline: Timestamp
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Timestamp
        var sleepers: [UInt64: Sleeper] = [:]
        var cancelledBeforeRegistering: Set<UInt64> = []
        var nextID: UInt64 = 0
    }

    private let state: Mutex<State>

    /// A clock starting at `start` (by default 2024-01-01T00:00:00Z).
    public init(start: Timestamp = Timestamp(nanosecondsSinceEpoch: 1_704_067_200_000_000_000)) {
        state = Mutex(State(now: start))
    }

    public func now() -> Timestamp {
        state.withLock { $0.now }
    }

    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        guard duration > .zero else { return }
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let cancelled = state.withLock { state -> Bool in
                    if state.cancelledBeforeRegistering.remove(id) != nil { return true }
                    state.sleepers[id] = Sleeper(deadline: state.now.advanced(by: duration), continuation: continuation)
                    return false
                }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                if let sleeper = state.sleepers.removeValue(forKey: id) { return sleeper }
                state.cancelledBeforeRegistering.insert(id)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward by `duration`, waking every sleeper whose deadline has come, earliest first.
    public func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now = state.now.advanced(by: duration)
            let now = state.now
            let due = state.sleepers.filter { $0.value.deadline <= now }
            for id in due.keys { state.sleepers.removeValue(forKey: id) }
            return due.values.sorted { $0.deadline < $1.deadline }
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    /// Moves time to the earliest sleeper's deadline and wakes it; returns false when nobody sleeps.
    @discardableResult
    public func advanceToNextDeadline() -> Bool {
        let gap = state.withLock { state -> Duration? in
            state.sleepers.values.map(\.deadline).min().map { state.now.duration(to: $0) }
        }
        guard let gap else { return false }
        advance(by: max(gap, .zero))
        return true
    }

    /// How many tasks are sleeping on this clock now.
    public var sleeperCount: Int {
        state.withLock { $0.sleepers.count }
    }

    /// The earliest deadline of a sleeper, if any.
    public var nextDeadline: Timestamp? {
        state.withLock { $0.sleepers.values.map(\.deadline).min() }
    }

    /// Waits (yielding, never sleeping) until at least `count` tasks sleep on this clock, or until
    /// the waiting task is cancelled (so a test with a time limit fails instead of hanging).
    ///
    /// Use it before ``advance(by:)`` so the sleep you mean to end has really started.
    public func waitForSleepers(_ count: Int) async {
        while sleeperCount < count, !Task.isCancelled {
            await Task.yield()
        }
    }
}

import Synchronization

/// A latch: tasks wait on it until it opens. Lets a test hold a tool body "in flight".
///
/// Waiting honours cancellation: a cancelled waiter throws `CancellationError` at once.
public final class Gate: Sendable {
    private struct State {
        var isOpen = false
        var waiters: [UInt64: CheckedContinuation<Void, any Error>] = [:]
        var cancelledEarly: Set<UInt64> = []
        var nextID: UInt64 = 0
        var arrivals = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// Suspends until ``open()`` is called (returns at once if it already was).
    public func wait() async throws {
        let id: UInt64? = state.withLock { state in
            state.arrivals += 1
            if state.isOpen { return nil }
            state.nextID += 1
            return state.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let resumeNow: Result<Void, any Error>? = state.withLock { state in
                    if state.cancelledEarly.remove(id) != nil { return .failure(CancellationError()) }
                    if state.isOpen { return .success(()) }
                    state.waiters[id] = continuation
                    return nil
                }
                if let resumeNow { continuation.resume(with: resumeNow) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                if let waiter = state.waiters.removeValue(forKey: id) { return waiter }
                state.cancelledEarly.insert(id)
                return nil
            }
            waiter?.resume(throwing: CancellationError())
        }
    }

    /// Opens the gate, releasing every waiter now and later.
    public func open() {
        let waiters = state.withLock { state in
            state.isOpen = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// How many tasks are waiting now.
    public var waiting: Int { state.withLock { $0.waiters.count } }

    /// How many times ``wait()`` was entered in all.
    public var arrivals: Int { state.withLock { $0.arrivals } }

    /// Yields until at least `count` tasks are waiting (or the waiting task is cancelled).
    public func waitForWaiters(_ count: Int) async {
        while waiting < count, !Task.isCancelled { await Task.yield() }
    }
}

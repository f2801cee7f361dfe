import Synchronization

/// Runs an operation once for any number of concurrent callers with the same key.
///
/// The first caller for a key starts a *flight*: the operation runs in its own task, detached from
/// that caller's cancellation. Every caller — the first included — waits for the flight's result,
/// and all of them get the same value or the same error, woken in the order they arrived. A caller
/// that is cancelled stops waiting at once without disturbing the others; the flight itself is
/// cancelled only when every waiter has left. After a flight lands, the next caller for the key
/// starts a new one.
///
/// The flight's task starts with `Task.immediate`: it runs on the first caller's thread until its
/// first suspension, so an operation that completes without suspending costs no thread hop.
///
/// ```swift
/// let flights = SingleFlight<String, Profile>()
/// let (profile, joined) = try await flights.run("user-42") { try await api.profile(42) }
/// ```
public final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private typealias Waiter = CheckedContinuation<Value, any Error>

    private struct Flight {
        let id: UInt64
        /// Every caller of the flight. `nil` until the caller has suspended and handed over its continuation.
        var waiters: [UInt64: Waiter?]
        var task: Task<Void, Never>?
    }

    private struct State {
        var flights: [Key: Flight] = [:]
        var nextID: UInt64 = 0
        /// Results for callers whose flight landed before they suspended; each is collected once.
        var landed: [UInt64: Result<Value, any Error>] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Runs `operation` for `key`, or joins the flight already running for it.
    ///
    /// - Parameters:
    ///   - onJoin: Called as soon as this caller joins a flight another caller started.
    /// - Returns: the flight's value, and whether this caller joined a flight another caller started.
    /// - Throws: the flight's error, or `CancellationError` if this caller was cancelled.
    public func run(
        _ key: Key,
        onJoin: @Sendable () -> Void = {},
        operation: @escaping @Sendable () async throws -> Value
    ) async throws -> (value: Value, joined: Bool) {
        let (waiterID, leads) = state.withLock { state -> (UInt64, Bool) in
            state.nextID &+= 1
            let id = state.nextID
            if state.flights[key] != nil {
                state.flights[key]!.waiters[id] = .some(nil)
                return (id, false)
            }
            state.flights[key] = Flight(id: id, waiters: [id: nil])
            return (id, true)
        }
        if leads {
            if let early = launch(key: key, flightID: waiterID, operation: operation) {
                return (try early.get(), false)
            }
        } else {
            onJoin()
        }
        let value = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: Waiter) in
                suspend(waiter, id: waiterID, key: key)
            }
        } onCancel: {
            leave(waiterID, key: key)
        }
        return (value, !leads)
    }

    /// How many callers are waiting on the flight for `key` (0 when none is in the air).
    public func waiters(for key: Key) -> Int {
        state.withLock { $0.flights[key]?.waiters.count ?? 0 }
    }

    /// How many flights are in the air.
    public var flightCount: Int {
        state.withLock { $0.flights.count }
    }

    /// Starts the flight; returns its result when it landed before the leader had to wait.
    private func launch(
        key: Key,
        flightID: UInt64,
        operation: @escaping @Sendable () async throws -> Value
    ) -> Result<Value, any Error>? {
        let task = Task.immediate {
            let result: Result<Value, any Error>
            do {
                result = .success(try await operation())
            } catch {
                result = .failure(error)
            }
            self.land(key: key, flightID: flightID, result: result)
        }
        let (early, orphaned) = state.withLock { state -> (Result<Value, any Error>?, Bool) in
            if let result = state.landed.removeValue(forKey: flightID) { return (result, false) }
            guard state.flights[key]?.id == flightID else { return (nil, true) }
            state.flights[key]!.task = task
            return (nil, false)
        }
        // Every caller, the leader included, left before the task was recorded: nobody wants it.
        if orphaned { task.cancel() }
        return early
    }

    /// Hands over a caller's continuation, or answers it at once if its flight already landed or it left.
    private func suspend(_ waiter: Waiter, id: UInt64, key: Key) {
        let immediate = state.withLock { state -> Result<Value, any Error>? in
            if let result = state.landed.removeValue(forKey: id) { return result }
            guard state.flights[key]?.waiters[id] != nil else { return .failure(CancellationError()) }
            state.flights[key]!.waiters[id] = waiter
            return nil
        }
        if let immediate { waiter.resume(with: immediate) }
    }

    private func land(key: Key, flightID: UInt64, result: Result<Value, any Error>) {
        let waiters = state.withLock { state -> [Waiter] in
            guard let flight = state.flights[key], flight.id == flightID else { return [] }
            state.flights.removeValue(forKey: key)
            var suspended: [UInt64] = []
            for (id, waiter) in flight.waiters {
                if waiter != nil {
                    suspended.append(id)
                } else {
                    state.landed[id] = result
                }
            }
            guard !suspended.isEmpty else { return [] }
            // Wake in arrival order: waking a large task group's children in random order is
            // quadratic in the runtime.
            suspended.sort()
            return suspended.map { flight.waiters[$0]!! }
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    private func leave(_ id: UInt64, key: Key) {
        let (waiter, abandoned) = state.withLock { state -> (Waiter?, Task<Void, Never>?) in
            // Not in the flight any more: it landed, and the caller collects its result when it suspends.
            guard state.flights[key]?.waiters[id] != nil,
                let removed = state.flights[key]!.waiters.removeValue(forKey: id)
            else { return (nil, nil) }
            guard state.flights[key]!.waiters.isEmpty else { return (removed, nil) }
            // The last caller left: cancel the flight and let the next caller start afresh.
            let task = state.flights.removeValue(forKey: key)?.task
            return (removed, task)
        }
        abandoned?.cancel()
        waiter?.resume(throwing: CancellationError())
    }
}

import Synchronization

/// Runs an operation once for any number of concurrent callers with the same key.
///
/// The first caller for a key starts a *flight*: the operation runs in its own task, detached from
/// that caller. Every caller — the first included — waits for the flight's result, and all of them
/// get the same value or the same error. A caller that is cancelled stops waiting at once without
/// disturbing the others; the flight itself is cancelled only when every waiter has left. After a
/// flight lands, the next caller for the key starts a new one.
///
/// ```swift
/// let flights = SingleFlight<String, Profile>()
/// let (profile, joined) = try await flights.run("user-42") { try await api.profile(42) }
/// ```
public final class SingleFlight<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private typealias Waiter = CheckedContinuation<Value, any Error>

    private struct Flight {
        let id: UInt64
        var waiters: [UInt64: Waiter] = [:]
        var task: Task<Void, Never>?
    }

    private struct State {
        var flights: [Key: Flight] = [:]
        var nextID: UInt64 = 0
        // Waiters between getting an id and registering: `true` once cancelled in that gap, so
        // they do not register afterwards.
        var unregistered: [UInt64: Bool] = [:]
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
        let waiterID = state.withLock { state in
            state.nextID &+= 1
            state.unregistered[state.nextID] = false
            return state.nextID
        }
        var joined = false
        let value = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: Waiter) in
                joined = register(waiter, id: waiterID, key: key, operation: operation)
                if joined { onJoin() }
            }
        } onCancel: {
            leave(waiterID, key: key)
        }
        return (value, joined)
    }

    /// How many callers are waiting on the flight for `key` (0 when none is in the air).
    public func waiters(for key: Key) -> Int {
        state.withLock { $0.flights[key]?.waiters.count ?? 0 }
    }

    /// How many flights are in the air.
    public var flightCount: Int {
        state.withLock { $0.flights.count }
    }

    private enum Registration { case cancelled, follower, leader(flightID: UInt64) }

    /// Adds a waiter to the key's flight, starting the flight if there is none; returns whether it joined.
    private func register(
        _ waiter: Waiter,
        id: UInt64,
        key: Key,
        operation: @escaping @Sendable () async throws -> Value
    ) -> Bool {
        let registration = state.withLock { state -> Registration in
            if state.unregistered.removeValue(forKey: id) == true { return .cancelled }
            if state.flights[key] != nil {
                state.flights[key]!.waiters[id] = waiter
                return .follower
            }
            state.nextID &+= 1
            var flight = Flight(id: state.nextID)
            flight.waiters[id] = waiter
            state.flights[key] = flight
            return .leader(flightID: flight.id)
        }
        switch registration {
        case .cancelled:
            waiter.resume(throwing: CancellationError())
            return false
        case .follower:
            return true
        case .leader(let flightID):
            let task = Task {
                let result: Result<Value, any Error>
                do {
                    result = .success(try await operation())
                } catch {
                    result = .failure(error)
                }
                self.land(key: key, flightID: flightID, result: result)
            }
            let orphaned = state.withLock { state -> Bool in
                guard state.flights[key]?.id == flightID else { return true }
                state.flights[key]!.task = task
                return false
            }
            // Every waiter left before the task existed: nobody wants the result.
            if orphaned { task.cancel() }
            return false
        }
    }

    private func land(key: Key, flightID: UInt64, result: Result<Value, any Error>) {
        let waiters = state.withLock { state -> [Waiter] in
            guard let flight = state.flights[key], flight.id == flightID else { return [] }
            state.flights.removeValue(forKey: key)
            return Array(flight.waiters.values)
        }
        for waiter in waiters { waiter.resume(with: result) }
    }

    private func leave(_ id: UInt64, key: Key) {
        let (waiter, abandoned) = state.withLock { state -> (Waiter?, Task<Void, Never>?) in
            guard let waiter = state.flights[key]?.waiters.removeValue(forKey: id) else {
                // Not registered yet: mark it. Already answered: nothing to do.
                if state.unregistered[id] != nil { state.unregistered[id] = true }
                return (nil, nil)
            }
            guard state.flights[key]!.waiters.isEmpty else { return (waiter, nil) }
            // The last waiter left: cancel the flight and let the next caller start afresh.
            let task = state.flights.removeValue(forKey: key)?.task
            return (waiter, task)
        }
        abandoned?.cancel()
        waiter?.resume(throwing: CancellationError())
    }
}

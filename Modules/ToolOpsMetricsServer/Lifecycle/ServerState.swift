import NIOCore

/// Where a ``MetricsServer`` is in its life, and the connections it has open.
///
/// Kept behind a `Mutex`; every transition is a mutating method that returns what the caller must
/// do *after* releasing the lock (closing channels fires callbacks that take the lock again).
struct ServerState {
    enum Phase {
        case idle
        /// Binding; `shutdownRequested` is the promise a `shutdown()` during the bind waits on.
        case starting(shutdownRequested: EventLoopPromise<Void>?)
        case running(listener: any Channel)
        /// Shut down; the future completes once the listener and every connection are closed.
        case shutDown(closed: EventLoopFuture<Void>?)
    }

    /// What to do once the lock is released.
    enum Step {
        /// Nothing to close here; wait for the future if there is one.
        case wait(EventLoopFuture<Void>?)
        /// Close these channels, then complete the promise.
        case close([any Channel], EventLoopPromise<Void>)
    }

    private(set) var phase = Phase.idle
    private var connections: [ObjectIdentifier: any Channel] = [:]

    /// `idle` → `starting`; a server starts once.
    mutating func beginStart(address: String) throws(MetricsServerError) {
        switch phase {
        case .idle: phase = .starting(shutdownRequested: nil)
        case .starting(.none), .running: throw .alreadyStarted(address)
        case .starting(.some), .shutDown: throw .alreadyShutDown(address)
        }
    }

    /// The bind succeeded: serve, or close everything if `shutdown()` came during the bind.
    mutating func startSucceeded(listener: any Channel) -> Step? {
        guard case .starting(let shutdownRequested) = phase else { preconditionFailure("not starting") }
        guard let shutdownRequested else {
            phase = .running(listener: listener)
            return nil
        }
        phase = .shutDown(closed: shutdownRequested.futureResult)
        return .close([listener] + connections.values, shutdownRequested)
    }

    /// The bind failed: back to `idle` so that `start()` may be retried, unless shut down meanwhile.
    mutating func startFailed() -> EventLoopPromise<Void>? {
        guard case .starting(let shutdownRequested) = phase else { preconditionFailure("not starting") }
        guard let shutdownRequested else {
            phase = .idle
            return nil
        }
        phase = .shutDown(closed: shutdownRequested.futureResult)
        return shutdownRequested
    }

    /// Moves to `shutDown`; `makePromise` is only called when there is something to wait for.
    mutating func shutdown(makePromise: () -> EventLoopPromise<Void>) -> Step {
        switch phase {
        case .idle:
            phase = .shutDown(closed: nil)
            return .wait(nil)
        case .starting(.none):
            let promise = makePromise()
            phase = .starting(shutdownRequested: promise)
            return .wait(promise.futureResult)
        case .starting(.some(let promise)):
            return .wait(promise.futureResult)
        case .running(let listener):
            let promise = makePromise()
            phase = .shutDown(closed: promise.futureResult)
            return .close([listener] + connections.values, promise)
        case .shutDown(let closed):
            return .wait(closed)
        }
    }

    /// Tracks a new connection so that shutdown closes it; `false` once shut down.
    mutating func admit(_ connection: any Channel) -> Bool {
        if case .shutDown = phase { return false }
        connections[ObjectIdentifier(connection)] = connection
        return true
    }

    /// Forgets a connection that closed.
    mutating func remove(_ connection: ObjectIdentifier) {
        connections[connection] = nil
    }
}

import NIOCore
import Synchronization

extension MetricsServer {
    /// Closes the listening socket and every open connection, and returns once they are closed.
    ///
    /// A request being answered at that moment may be cut off; the next scrape goes elsewhere or
    /// fails, as it would if the process exited. Calling `shutdown()` again, or before ``start()``,
    /// does nothing more; a shut-down server cannot be started again. If ``start()`` is still
    /// binding, it closes the socket it bound and throws ``MetricsServerError/Code/alreadyShutDown``,
    /// and `shutdown()` returns after that.
    ///
    /// ```swift
    /// await server.shutdown()  // the port is free again
    /// ```
    public func shutdown() async {
        // Never fails: it completes once every channel has closed.
        _ = try? await beginShutdown()?.get()
    }

    /// Moves to shut down and starts closing; synchronous, so that cancellation can call it.
    ///
    /// - Returns: A future that completes once everything is closed; `nil` if nothing was open.
    func beginShutdown() -> EventLoopFuture<Void>? {
        switch state.withLock({ $0.shutdown(makePromise: { group.next().makePromise() }) }) {
        case .wait(let closed): closed
        case .close(let channels, let promise): close(channels, completing: promise)
        }
    }

    /// Closes `channels`, and completes `promise` once every one of them is closed.
    @discardableResult
    func close(_ channels: [any Channel], completing promise: EventLoopPromise<Void>) -> EventLoopFuture<Void> {
        for channel in channels { channel.close(promise: nil) }
        EventLoopFuture.andAllComplete(channels.map(\.closeFuture), on: promise.futureResult.eventLoop)
            .cascade(to: promise)
        return promise.futureResult
    }
}

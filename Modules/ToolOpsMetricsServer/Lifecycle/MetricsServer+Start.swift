import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

extension MetricsServer {
    /// Opens the listening socket and starts serving; returns the port it listens on.
    ///
    /// Serving happens on the event loops, not in the calling task: `start()` returns as soon as
    /// the socket is bound, and the server runs until ``shutdown()``. With port `0` the operating
    /// system picks a free port, which is the one returned.
    ///
    /// ```swift
    /// let port = try await MetricsServer(configuration: .init(port: 0), prometheus: prometheus).start()
    /// print("metrics at http://127.0.0.1:\(port)/metrics")
    /// ```
    ///
    /// - Returns: The bound port.
    /// - Throws: ``MetricsServerError`` — ``MetricsServerError/Code/invalidConfiguration`` naming
    ///   the field, ``MetricsServerError/Code/bindFailed`` naming `host:port` and the reason,
    ///   ``MetricsServerError/Code/alreadyStarted`` on a second call, or
    ///   ``MetricsServerError/Code/alreadyShutDown`` after ``shutdown()``. A failed bind may be
    ///   retried by calling `start()` again.
    @discardableResult
    public func start() async throws(MetricsServerError) -> Int {
        try configuration.validate()
        let address = configuredAddress
        try state.withLock { (state) throws(MetricsServerError) in try state.beginStart(address: address) }

        let listener: any Channel
        do {
            listener = try await makeBootstrap().bind(host: configuration.host, port: configuration.port).get()
        } catch {
            state.withLock { $0.startFailed() }?.succeed()
            throw .bindFailed(host: configuration.host, port: configuration.port, underlying: error)
        }
        // shutdown() during the bind waits for this: close what was opened, then report it.
        if case .close(let channels, let promise)? = state.withLock({ $0.startSucceeded(listener: listener) }) {
            _ = try? await close(channels, completing: promise).get()
            throw .alreadyShutDown(address)
        }
        return listener.localAddress?.port ?? configuration.port
    }

    private func makeBootstrap() -> ServerBootstrap {
        ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            // Lets a restarted process bind while the previous one's connections are in TIME_WAIT.
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try self.setUp(channel) }
            }
    }

    /// Sets up one accepted connection: idle timeout, HTTP/1.1 codec, then the metrics handler.
    private func setUp(_ connection: any Channel) throws {
        // A connection accepted while shutting down is refused; failing here makes NIO close it.
        guard state.withLock({ $0.admit(connection) }) else { throw ChannelError.ioOnClosedChannel }
        let id = ObjectIdentifier(connection)
        connection.closeFuture.whenComplete { _ in self.state.withLock { $0.remove(id) } }

        let pipeline = connection.pipeline.syncOperations
        try pipeline.addHandler(IdleStateHandler(readTimeout: TimeAmount(configuration.idleTimeout)))
        try pipeline.configureHTTPServerPipeline()
        try pipeline.addHandler(MetricsHTTPHandler(route: MetricsRouter(path: configuration.path), render: render))
    }
}

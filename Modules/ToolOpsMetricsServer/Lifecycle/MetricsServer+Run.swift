import NIOCore
import Synchronization

extension MetricsServer {
    /// Starts the server if it is not running yet, then returns once it is shut down.
    ///
    /// The server shuts down when the calling task is cancelled or when ``shutdown()`` is called;
    /// either way `run()` returns normally, after the listening socket and every connection are
    /// closed — also when the shutdown came first, before or while the server started. If
    /// ``start()`` already started the server, `run()` just waits for it, so a caller can learn
    /// the port first.
    ///
    /// ```swift
    /// try await withThrowingDiscardingTaskGroup { group in
    ///     group.addTask { try await server.run() }
    ///     // … the rest of the app; cancelling the group shuts the server down.
    /// }
    /// ```
    ///
    /// With swift-service-lifecycle, wrap it in a `Service` that also stops on graceful shutdown
    /// (SIGTERM), which the service group signals rather than cancelling:
    ///
    /// ```swift
    /// struct MetricsService: Service {
    ///     let server: MetricsServer
    ///     func run() async throws {
    ///         try await cancelWhenGracefulShutdown { try await server.run() }
    ///     }
    /// }
    /// ```
    ///
    /// - Throws: What ``start()`` throws about the configuration and the bind, and
    ///   ``MetricsServerError/Code/alreadyStarted`` while another task's ``start()`` is binding.
    public func run() async throws(MetricsServerError) {
        let started: Result<Void, MetricsServerError> = await withTaskCancellationHandler {
            do throws(MetricsServerError) {
                guard let listener = try await startedListener() else { return .success(()) }
                // The close future never fails; it completes when shutdown() closes the listener.
                _ = try? await listener.closeFuture.get()
                return .success(())
            } catch {
                return .failure(error)
            }
        } onCancel: {
            _ = self.beginShutdown()
        }
        // A failed start leaves the server as it was, so that run() may be retried.
        try started.get()
        await shutdown()
    }

    /// The running listener, after starting the server if it is idle; `nil` once shut down.
    private func startedListener() async throws(MetricsServerError) -> (any Channel)? {
        if case .idle = state.withLock({ $0.phase }) {
            do throws(MetricsServerError) {
                try await start()
            } catch  where error.code == .alreadyShutDown {
                return nil
            }
        }
        switch state.withLock({ $0.phase }) {
        case .running(let listener): return listener
        case .shutDown: return nil
        case .starting(.some): return nil
        case .idle, .starting(.none): throw .alreadyStarted(configuredAddress)
        }
    }
}

import Dispatch
import ToolOpsMetricsServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Serves `exposition` over HTTP with ToolOpsMetricsServer until the server shuts down, the task
/// is cancelled, or the process receives SIGINT (Ctrl-C) or SIGTERM.
///
/// A signal ends serving normally instead of killing the process, so that the command goes on to
/// shut down the stores it opened (their counters saved) and exits 0. The signals' previous
/// handling is restored when serving ends.
func serveMetrics(
    host: String, port: Int, path: String, output: any CommandOutput,
    exposition: @escaping @Sendable () -> String
) async throws {
    let server = MetricsServer(configuration: .init(host: host, port: port, path: path), exposition: exposition)
    // Watched before binding: Dispatch arms the watch asynchronously, and a signal that comes
    // before it is armed is ignored; binding gives it the time, so that by the line below saying
    // the server is up, Ctrl-C works.
    let stop = StopOnSignals([SIGINT, SIGTERM]) { Task { await server.shutdown() } }
    defer { stop.restore() }
    let bound: Int
    do {
        bound = try await server.start()
    } catch {
        if error.code == .alreadyShutDown { return }  // a signal came while binding
        throw error
    }
    output.diagnostic("Serving metrics on http://\(host):\(bound)\(path) (Ctrl-C to stop).")
    do {
        try await server.run()
    } catch {
        await server.shutdown()
        throw error
    }
}

/// Runs a handler when the process receives one of some signals, instead of their usual action
/// (ending the process), until ``restore()``: Dispatch signal sources, with the signals ignored
/// meanwhile, as swift-service-lifecycle watches them.
private struct StopOnSignals {
    private let sources: [any DispatchSourceSignal]
    private let restorations: [() -> Void]

    init(_ signals: [Int32], handler: @escaping @Sendable () -> Void) {
        // The usual action would end the process before the source sees the signal.
        restorations = signals.map { number in
            let previous = signal(number, SIG_IGN)
            return { _ = signal(number, previous) }
        }
        sources = signals.map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    /// Stops watching the signals and gives them back the handling they had.
    func restore() {
        for source in sources { source.cancel() }
        for restore in restorations { restore() }
    }
}

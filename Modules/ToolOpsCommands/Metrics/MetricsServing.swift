import ToolOpsMetricsServer

/// Serves `exposition` over HTTP with ToolOpsMetricsServer until the server shuts down or the
/// task is cancelled.
func serveMetrics(
    host: String, port: Int, path: String, output: any CommandOutput,
    exposition: @escaping @Sendable () -> String
) async throws {
    let server = MetricsServer(configuration: .init(host: host, port: port, path: path), exposition: exposition)
    let bound = try await server.start()
    output.diagnostic("Serving metrics on http://\(host):\(bound)\(path) (Ctrl-C to stop).")
    do {
        try await server.run()
    } catch {
        await server.shutdown()
        throw error
    }
}

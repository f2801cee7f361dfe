import ToolOpsMetricsServer

/// Serves `exposition` over HTTP with ToolOpsMetricsServer until the server shuts down.
///
/// TODO(merge): ToolOpsMetricsServer is being written in parallel. Once its `MetricsServer`
/// lands, delete the `#if`/`#else` branch below and keep the first branch, which is written
/// against its agreed API.
func serveMetrics(
    host: String, port: Int, path: String, output: any CommandOutput,
    exposition: @escaping @Sendable () -> String
) async throws {
    #if TOOLOPS_METRICS_SERVER_AVAILABLE
        let server = MetricsServer(configuration: .init(host: host, port: port, path: path), exposition: exposition)
        let bound = try await server.start()
        output.diagnostic("Serving metrics on http://\(host):\(bound)\(path) (Ctrl-C to stop).")
        do {
            try await server.run()
        } catch {
            try? await server.shutdown()
            throw error
        }
    #else
        throw CommandError(
            "serving metrics needs ToolOpsMetricsServer, which this build does not include yet; "
                + "run `toolops metrics` without --serve to print the exposition")
    #endif
}

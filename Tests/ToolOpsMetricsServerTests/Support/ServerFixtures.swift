import NIOCore
import NIOPosix
import ToolOpsMetricsServer
import ToolOpsTelemetry

/// Starts `server`, runs `body` with the port it bound, then shuts the server down, also when
/// `body` throws.
func withStarted<Result>(_ server: MetricsServer, _ body: (Int) async throws -> Result) async throws -> Result {
    let port = try await server.start()
    do {
        let result = try await body(port)
        await server.shutdown()
        return result
    } catch {
        await server.shutdown()
        throw error
    }
}

/// A server for `prometheus` on an ephemeral port of the loopback interface.
func ephemeralServer(
    _ prometheus: ToolOpsPrometheus,
    path: String = "/metrics",
    idleTimeout: Duration = .seconds(120)
) -> MetricsServer {
    MetricsServer(configuration: .init(port: 0, path: path, idleTimeout: idleTimeout), prometheus: prometheus)
}

/// Whether a new TCP connection to `127.0.0.1:port` is refused.
func connectionRefused(port: Int) async -> Bool {
    do {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port).get()
        channel.close(promise: nil)
        return false
    } catch {
        return true
    }
}

/// The status of `GET /healthz` on a new connection to `127.0.0.1:port`.
func healthStatus(port: Int) async throws -> Int {
    try await RawHTTPConnection.with(port: port) { try await $0.request("GET", "/healthz").status }
}

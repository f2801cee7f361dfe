import NIOCore
import NIOPosix
import Synchronization
import ToolOpsTelemetry

/// A small HTTP/1.1 server that serves the Prometheus exposition, for apps without a web framework.
///
/// It answers:
/// - `GET` and `HEAD` on ``Configuration/path`` (`/metrics`): `200` with the exposition, rendered
///   for each request, as ``ToolOpsPrometheus/contentType``;
/// - `GET` and `HEAD` on `/healthz`: `200` with `ok`;
/// - any other method on those paths: `405` with `Allow: GET, HEAD`; any other path: `404`.
///
/// Query strings are ignored, keep-alive is honoured, and every response has a `Content-Length`.
/// The server is built on SwiftNIO and uses `MultiThreadedEventLoopGroup.singleton` unless given
/// another group, so it adds no threads of its own. By default it listens on `127.0.0.1:9464`,
/// this machine only; see ``Configuration`` to expose it.
///
/// ```swift
/// let prometheus = ToolOpsPrometheus()
/// let observer = ToolMetricsObserver(configuration: .init(factory: prometheus.factory))
/// // … hand `observer` to the runtime, then:
/// let server = MetricsServer(prometheus: prometheus)
/// let port = try await server.start()  // serving http://127.0.0.1:9464/metrics
/// // … at exit:
/// await server.shutdown()
/// ```
///
/// ``run()`` starts the server and returns when its task is cancelled or ``shutdown()`` is called,
/// which suits a task group or a swift-service-lifecycle `Service`.
///
/// Note that the listening socket stays open until ``shutdown()``, even if the server object is
/// no longer referenced.
///
/// Apps already running Hummingbird, Vapor or another HTTP server should not open a second port:
/// add a route that returns `prometheus.exposition()` with ``ToolOpsPrometheus/contentType``.
public final class MetricsServer: Sendable {
    /// Where the server listens and the path it serves.
    public let configuration: Configuration
    let group: any EventLoopGroup
    /// Appends the exposition to a buffer; called on an event loop for each scrape.
    let render: @Sendable (inout [UInt8]) -> Void
    let state = Mutex(ServerState())

    /// A server for the text `exposition` returns, called once per request.
    ///
    /// The closure runs on a SwiftNIO event loop, so it must be quick and must not block.
    ///
    /// ```swift
    /// let server = MetricsServer(configuration: .init(port: 9100)) { prometheus.exposition() }
    /// ```
    ///
    /// - Parameters:
    ///   - configuration: Where to listen; checked by ``start()``.
    ///   - eventLoopGroup: The event loops that accept and serve connections.
    ///   - exposition: The Prometheus text to serve, in the format of ``ToolOpsPrometheus/contentType``.
    public init(
        configuration: Configuration = Configuration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        exposition: @escaping @Sendable () -> String
    ) {
        self.configuration = configuration
        self.group = eventLoopGroup
        self.render = { buffer in buffer.append(contentsOf: exposition().utf8) }
    }

    /// A server for the metrics of `prometheus`, which it writes straight into each response.
    ///
    /// ```swift
    /// let server = MetricsServer(configuration: .init(host: "0.0.0.0"), prometheus: prometheus)
    /// ```
    ///
    /// - Parameters:
    ///   - configuration: Where to listen; checked by ``start()``.
    ///   - eventLoopGroup: The event loops that accept and serve connections.
    ///   - prometheus: The registry whose ``ToolOpsPrometheus/write(into:)`` output is served.
    public init(
        configuration: Configuration = Configuration(),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        prometheus: ToolOpsPrometheus
    ) {
        self.configuration = configuration
        self.group = eventLoopGroup
        self.render = { buffer in prometheus.write(into: &buffer) }
    }

    /// `host:port` as configured, for messages.
    var configuredAddress: String {
        Self.displayAddress(host: configuration.host, port: configuration.port)
    }
}

import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// An HTTP/1.1 server on `127.0.0.1`, port chosen by the system, that answers each request as the
/// test's `respond` closure says and records what it received.
final class TestHTTPServer: Sendable {
    /// A request as the server received it.
    struct Request: Sendable {
        var method: String
        var uri: String
        var headers: [(String, String)]
        var body: String

        /// The first header named `name` (case-insensitive).
        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    /// How to answer one request.
    enum Reply: Sendable {
        /// Answers with a status, headers and a body.
        case respond(status: Int, headers: [(String, String)] = [], body: String)
        /// Never answers (the connection stays open).
        case hang
    }

    /// Decides the reply to the `n`th request (counting from 0).
    typealias Responder = @Sendable (_ request: Request, _ n: Int) -> Reply

    let port: Int
    private let channel: any Channel
    private let recorder: Recorder
    /// One element per request, as it arrives.
    let arrivals: AsyncStream<Request>
    /// One element each time a client connection closes.
    let closedConnections: AsyncStream<Void>

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order.
    var requests: [Request] { recorder.requests.withLock { $0 } }

    /// Starts a server answering with `respond`.
    static func start(_ respond: @escaping Responder) async throws -> TestHTTPServer {
        let recorder = Recorder()
        let (arrivals, arrived) = AsyncStream.makeStream(of: Request.self)
        let (closed, closing) = AsyncStream.makeStream(of: Void.self)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(
                        TestHTTPHandler { request in
                            let n = recorder.requests.withLock { list in
                                list.append(request)
                                return list.count - 1
                            }
                            arrived.yield(request)
                            return respond(request, n)
                        } closed: {
                            closing.yield()
                        })
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TestHTTPServer(
            channel: channel, recorder: recorder, arrivals: arrivals, closedConnections: closed)
    }

    private init(
        channel: any Channel, recorder: Recorder, arrivals: AsyncStream<Request>,
        closedConnections: AsyncStream<Void>
    ) {
        self.channel = channel
        self.port = channel.localAddress?.port ?? 0
        self.recorder = recorder
        self.arrivals = arrivals
        self.closedConnections = closedConnections
    }

    /// Stops listening (open connections stay open until their clients close them).
    func stop() async throws {
        try await channel.close()
    }
}

private final class Recorder: Sendable {
    let requests = Mutex<[TestHTTPServer.Request]>([])
}

import NIOCore
import NIOPosix

/// One real TCP connection to a test server that speaks HTTP/1.1 as raw text, so that tests see
/// exactly the bytes on the wire: headers as sent, and no body where none was sent.
final class RawHTTPConnection {
    private var inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    private let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    /// Bytes received and not yet parsed into a response.
    private var received: [UInt8] = []

    private init(
        inbound: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
        outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    ) {
        self.inbound = inbound
        self.outbound = outbound
    }

    /// Connects to `127.0.0.1:port`, runs `body`, then closes the connection.
    static func with<Result>(port: Int, _ body: (RawHTTPConnection) async throws -> Result) async throws -> Result {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(RawHTTPConnection(inbound: inbound.makeAsyncIterator(), outbound: outbound))
        }
    }

    /// Sends `text` as it is.
    func send(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    /// Sends an HTTP/1.1 request with no body and reads its response.
    func request(_ method: String, _ target: String, headers: [String] = []) async throws -> RawHTTPResponse {
        try await send(Self.requestText(method, target, headers: headers))
        return try await readResponse(toHEAD: method == "HEAD")
    }

    /// The text of an HTTP/1.1 request with no body.
    static func requestText(_ method: String, _ target: String, headers: [String] = []) -> String {
        "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { "\($0)\r\n" }.joined() + "\r\n"
    }

    /// Reads one response: the head, then exactly `Content-Length` bytes of body — none after
    /// a `HEAD`, so that a body sent anyway is left to break the next response's status line.
    func readResponse(toHEAD: Bool = false) async throws -> RawHTTPResponse {
        let terminator = Array("\r\n\r\n".utf8)
        var headEnd = received.firstRange(of: terminator)
        while headEnd == nil {
            try await receiveMore()
            headEnd = received.firstRange(of: terminator)
        }
        let head = String(decoding: received[..<headEnd!.lowerBound], as: UTF8.self)
        received.removeSubrange(..<headEnd!.upperBound)
        var response = try RawHTTPResponse(head: head)
        let length = toHEAD ? 0 : try response.contentLength()
        while received.count < length { try await receiveMore() }
        response.body = String(decoding: received.prefix(length), as: UTF8.self)
        received.removeFirst(length)
        return response
    }

    /// Waits for the server to close the connection; `false` if it sends more bytes instead.
    func serverCloses() async throws -> Bool {
        guard received.isEmpty else { return false }
        return try await inbound.next() == nil
    }

    private func receiveMore() async throws {
        guard let chunk = try await inbound.next() else { throw RawHTTPError.closedMidResponse(received.count) }
        received.append(contentsOf: chunk.readableBytesView)
    }
}

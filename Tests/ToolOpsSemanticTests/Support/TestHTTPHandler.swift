import NIOCore
import NIOHTTP1

/// Collects one request at a time and writes the reply the server's closure chooses.
final class TestHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let reply: (TestHTTPServer.Request) -> TestHTTPServer.Reply
    private let closed: () -> Void
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()

    init(reply: @escaping (TestHTTPServer.Request) -> TestHTTPServer.Reply, closed: @escaping () -> Void) {
        self.reply = reply
        self.closed = closed
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.clear()
        case .body(var chunk):
            body.writeBuffer(&chunk)
        case .end:
            guard let head else { return }
            let request = TestHTTPServer.Request(
                method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                body: body.readString(length: body.readableBytes) ?? "")
            guard case .respond(let status, let headers, let text) = reply(request) else { return }
            var responseHeaders = HTTPHeaders(headers)
            responseHeaders.replaceOrAdd(name: "content-length", value: "\(text.utf8.count)")
            let responseHead = HTTPResponseHead(
                version: head.version, status: HTTPResponseStatus(statusCode: status), headers: responseHeaders)
            context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: text)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed()
        context.fireChannelInactive()
    }
}

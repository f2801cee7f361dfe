import NIOCore
import NIOHTTP1

/// Answers the requests of one connection, behind NIO's HTTP/1.1 server pipeline.
///
/// NIO's pipeline handler delivers one request at a time even to clients that pipeline, and its
/// error handler answers malformed requests with `400`; this handler only routes and responds.
final class MetricsHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    let router: MetricsRouter
    let render: @Sendable (inout [UInt8]) -> Void
    private var request: HTTPRequestHead?
    /// Reused across this connection's scrapes, so that rendering keeps its capacity.
    var scratch: [UInt8] = []

    init(route router: MetricsRouter, render: @escaping @Sendable (inout [UInt8]) -> Void) {
        self.router = router
        self.render = render
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch Self.unwrapInboundIn(data) {
        case .head(let head):
            request = head
        case .body:
            break  // No route takes a body: whatever a client sends is dropped.
        case .end:
            guard let head = request.take() else { return }
            respond(to: head, context: context)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Malformed requests were already answered with 400; any error ends the connection.
        context.close(promise: nil)
    }

    private func respond(to request: HTTPRequestHead, context: ChannelHandlerContext) {
        var response = response(to: request, allocator: context.channel.allocator)
        if !request.isKeepAlive {
            response.head.headers.add(name: "Connection", value: "close")
        } else if request.version.major == 1 && request.version.minor == 0 {
            response.head.headers.add(name: "Connection", value: "keep-alive")
        }
        context.write(Self.wrapOutboundOut(.head(response.head)), promise: nil)
        // A HEAD response carries the GET response's headers, Content-Length included, and no body
        // (NIO's encoder would drop one too).
        if request.method != .HEAD {
            context.write(Self.wrapOutboundOut(.body(.byteBuffer(response.body))), promise: nil)
        }
        let written = context.writeAndFlush(Self.wrapOutboundOut(.end(nil)))
        if !request.isKeepAlive {
            let context = context.loopBound
            written.whenComplete { _ in context.value.close(promise: nil) }
        }
    }
}

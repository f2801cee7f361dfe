import NIOCore
import NIOHTTP1
import ToolOpsTelemetry

/// A response ready to write: its head, with `Content-Type` and `Content-Length`, and its body.
struct MetricsResponse {
    var head: HTTPResponseHead
    var body: ByteBuffer

    init(
        version: HTTPVersion,
        status: HTTPResponseStatus,
        contentType: String,
        body: ByteBuffer,
        extraHeaders: [(String, String)] = []
    ) {
        var headers = HTTPHeaders([("Content-Type", contentType), ("Content-Length", String(body.readableBytes))])
        headers.add(contentsOf: extraHeaders)
        self.head = HTTPResponseHead(version: version, status: status, headers: headers)
        self.body = body
    }
}

extension MetricsHTTPHandler {
    /// The plain-text type of the health check and error responses.
    static let textContentType = "text/plain; charset=utf-8"

    /// The response the router chooses for `request`; the exposition is rendered here, per request.
    func response(to request: HTTPRequestHead, allocator: ByteBufferAllocator) -> MetricsResponse {
        let version = request.version
        switch router.route(method: request.method, target: request.uri) {
        case .metrics:
            scratch.removeAll(keepingCapacity: true)
            render(&scratch)
            return MetricsResponse(
                version: version, status: .ok, contentType: ToolOpsPrometheus.contentType,
                body: allocator.buffer(bytes: scratch))
        case .health:
            return MetricsResponse(
                version: version, status: .ok, contentType: Self.textContentType,
                body: allocator.buffer(string: "ok\n"))
        case .methodNotAllowed(let path):
            return MetricsResponse(
                version: version, status: .methodNotAllowed, contentType: Self.textContentType,
                body: allocator.buffer(
                    string: "method \(request.method.rawValue) is not allowed on \(path); use GET or HEAD.\n"),
                extraHeaders: [("Allow", "GET, HEAD")])
        case .notFound(let path):
            // The path is echoed to help spot a typo, cut short so that a huge target is not.
            let shown = path.count > 100 ? String(path.prefix(100)) + "…" : path
            return MetricsResponse(
                version: version, status: .notFound, contentType: Self.textContentType,
                body: allocator.buffer(string: "no such path: \(shown); the metrics are at \(router.path).\n"))
        }
    }
}

/// An HTTP client over libcurl's multi interface, for the embedders' API calls.
///
/// Every client owns one plain thread that runs a libcurl multi handle: ``send(_:)`` queues the
/// request, wakes the thread with `curl_multi_wakeup` and suspends the calling task until the
/// response is complete — no thread of Swift's cooperative pool ever blocks on the network.
/// Cancelling the calling task removes the transfer from the multi handle (closing its
/// connection) and fails the call with ``HTTPClientError/Code/cancelled``. Connections are reused
/// between requests to the same host.
///
/// ```swift
/// let response = try await CurlHTTPClient.shared.send(HTTPRequest(url: "http://127.0.0.1:8080/health"))
/// ```
final class CurlHTTPClient: Sendable {
    /// One client for the whole process, started on first use; its thread lives as long as the process.
    static let shared = CurlHTTPClient()

    private let multi: CurlMulti

    /// Starts a client and its thread; the thread ends when the client is released.
    init() {
        let multi = CurlMulti()
        self.multi = multi
        CurlThread.start(name: "toolops-curl") { CurlLoop(multi: multi).run() }
    }

    deinit { multi.shutDown() }

    /// Sends `request` and returns the server's response, whatever its status.
    ///
    /// - Throws: ``HTTPClientError`` when no complete response arrived: the connection failed or
    ///   broke, the timeout passed, TLS failed, or the calling task was cancelled.
    func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        let multi = multi
        let id = multi.makeID()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                multi.submit(CurlMulti.Submission(id: id, request: request, continuation: continuation))
            }
        } onCancel: {
            multi.cancel(id)
        }
        return try result.get()
    }
}

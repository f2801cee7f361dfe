/// Why an HTTP request got no response.
///
/// The message comes from libcurl (`curl_easy_strerror` and its error buffer): it names the host
/// and the failure, never a header or the body.
struct HTTPClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    enum Code: String, Sendable, Hashable {
        /// The host could not be resolved or refused the connection.
        case connectionFailed
        /// The connection broke, or the server closed it without a complete response.
        case connectionLost
        /// The transfer did not finish within the request's timeout.
        case timeout
        /// The TLS handshake or the certificate check failed.
        case tls
        /// The request itself is unusable (a malformed URL, an unsupported scheme).
        case invalidRequest
        /// The response body exceeded the request's limit.
        case responseTooLarge
        /// The calling task was cancelled; the transfer was abandoned.
        case cancelled
        /// The client was shut down.
        case shutDown
        /// Any other libcurl failure.
        case transport
    }

    /// The kind of failure.
    var code: Code
    /// What went wrong, for people.
    var message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    var description: String { "\(code.rawValue): \(message)" }
}

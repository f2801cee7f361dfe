/// One HTTP header: a name and its value.
struct HTTPHeader: Sendable, Hashable {
    /// The header's name; responses store it lowercased.
    var name: String
    /// The header's value, without surrounding whitespace.
    var value: String

    init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A request for ``CurlHTTPClient``: method, URL, headers, body and a time limit.
struct HTTPRequest: Sendable {
    /// The method, such as `"POST"`.
    var method: String
    /// The absolute `http` or `https` URL.
    var url: String
    /// Headers sent as given, in order.
    var headers: [HTTPHeader]
    /// The body; sent only when not empty.
    var body: [UInt8]
    /// The limit on the whole transfer, from connecting to the last byte of the response.
    var timeout: Duration
    /// The largest response body accepted; a longer one fails with
    /// ``HTTPClientError/Code/responseTooLarge``.
    var maximumResponseBytes: Int

    init(
        method: String = "GET", url: String, headers: [HTTPHeader] = [], body: [UInt8] = [],
        timeout: Duration = .seconds(30), maximumResponseBytes: Int = 256 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.maximumResponseBytes = maximumResponseBytes
    }
}

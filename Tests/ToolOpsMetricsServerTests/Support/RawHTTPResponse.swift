/// A response as read off the wire by ``RawHTTPConnection``.
struct RawHTTPResponse {
    /// `HTTP/1.1`.
    let version: String
    /// `200`, `404`, …
    let status: Int
    /// The header fields in the order sent, names as sent.
    let headers: [(name: String, value: String)]
    /// The body, as many bytes as `Content-Length` said.
    var body = ""

    /// Parses a status line and header fields, without the blank line that ends them.
    init(head: String) throws {
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else {
            throw RawHTTPError.malformedHead(head)
        }
        version = String(statusLine[0])
        self.status = status
        headers = try lines.map { line in
            guard let colon = line.firstIndex(of: ":") else { throw RawHTTPError.malformedHead(head) }
            let value = line[line.index(after: colon)...].trimmingPrefix(while: \.isWhitespace)
            return (String(line[..<colon]), String(value))
        }
    }

    /// The values of the header fields named `name`, compared without case.
    func values(of name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    /// The value of the one header field named `name`; `nil` if absent or repeated.
    func value(of name: String) -> String? {
        let values = values(of: name)
        return values.count == 1 ? values[0] : nil
    }

    /// The one `Content-Length`, which every response of the server must carry.
    func contentLength() throws -> Int {
        guard let text = value(of: "Content-Length"), let length = Int(text) else {
            throw RawHTTPError.noContentLength(headers.map { "\($0.name): \($0.value)" })
        }
        return length
    }
}

/// What the raw test client could not make sense of.
enum RawHTTPError: Error {
    case malformedHead(String)
    case noContentLength([String])
    case closedMidResponse(Int)
}

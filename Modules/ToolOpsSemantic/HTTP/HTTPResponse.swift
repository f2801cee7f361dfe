/// What a server answered: status, headers and body.
struct HTTPResponse: Sendable {
    /// The status code, such as 200.
    var status: Int
    /// The headers of the final response (not of an interim `100 Continue`), names lowercased.
    var headers: [HTTPHeader]
    /// The body, decoded from any content encoding.
    var body: [UInt8]

    /// The value of the first header named `name` (case-insensitively), if any.
    func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name == lowered }?.value
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    var text: String { String(decoding: body, as: UTF8.self) }
}

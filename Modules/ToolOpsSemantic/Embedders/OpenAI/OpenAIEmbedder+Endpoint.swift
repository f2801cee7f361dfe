import ToolOpsCore

extension OpenAIEmbedder {
    /// The `/embeddings` URL, and the same without its query for error messages.
    struct Endpoint: Sendable {
        /// The URL requests go to.
        let url: String
        /// Scheme, host and path only: what error messages name.
        let display: String

        init(_ configuration: Configuration, embedder: String) throws(EmbeddingError) {
            var base = configuration.baseURL
            while base.hasSuffix("/") { base.removeLast() }
            guard base.hasPrefix("http://") || base.hasPrefix("https://"), base.count > "https://".count else {
                throw EmbeddingError(
                    code: .misconfigured, embedder: embedder,
                    message: "baseURL \"\(configuration.baseURL)\" is not an http(s) URL; "
                        + "use one like https://api.openai.com/v1 or http://127.0.0.1:11434/v1")
            }
            display = base + "/embeddings"
            let query = configuration.queryItems.sorted { $0.key < $1.key }
                .map { "\(Self.escape($0.key))=\(Self.escape($0.value))" }
            url = query.isEmpty ? display : display + "?" + query.joined(separator: "&")
        }

        /// Percent-encodes everything but RFC 3986's unreserved characters.
        private static func escape(_ text: String) -> String {
            var escaped = ""
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                    UInt8(ascii: "~"):
                    escaped.unicodeScalars.append(Unicode.Scalar(byte))
                default:
                    let hex = String(byte, radix: 16, uppercase: true)
                    escaped += "%" + (hex.count == 1 ? "0" + hex : hex)
                }
            }
            return escaped
        }
    }
}

import ToolOpsCore

extension OpenAIEmbedder {
    /// How the API key is sent, and which environment variable it is read from.
    ///
    /// The key is read once, when the embedder is made. With `required: false` a missing or empty
    /// variable means no key is sent, which suits local servers (Ollama, vLLM, TEI) that may or
    /// may not sit behind a proxy that wants one.
    public enum Authentication: Sendable, Hashable {
        /// No key: no `Authorization` or `api-key` header.
        case none
        /// `Authorization: Bearer <key>`, as OpenAI and most compatible servers expect.
        case bearer(environmentVariable: String = "OPENAI_API_KEY", required: Bool = true)
        /// `api-key: <key>`, as Azure OpenAI expects.
        case apiKeyHeader(environmentVariable: String = "AZURE_OPENAI_API_KEY", required: Bool = true)

        func apiKey(in environment: [String: String], embedder: String) throws(EmbeddingError) -> APIKey? {
            let (variable, required): (String, Bool)
            switch self {
            case .none: return nil
            case .bearer(let name, let isRequired), .apiKeyHeader(let name, let isRequired):
                (variable, required) = (name, isRequired)
            }
            let value = environment[variable]?.trimmingWhitespace() ?? ""
            if !value.isEmpty { return APIKey(value) }
            guard !required else {
                throw EmbeddingError(
                    code: .misconfigured, embedder: embedder,
                    message: "the environment variable \(variable) is not set; set it to the API key, "
                        + "or use required: false (or .none) for a server without authentication")
            }
            return nil
        }

        /// The header that carries `key`.
        func header(for key: APIKey) -> HTTPHeader? {
            switch self {
            case .none: nil
            case .bearer: HTTPHeader("Authorization", "Bearer \(key.value)")
            case .apiKeyHeader: HTTPHeader("api-key", key.value)
            }
        }
    }
}

/// An API key that never shows itself: descriptions, debug descriptions and mirrors say `<redacted>`.
struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key itself; read only to build the request header and to scrub messages.
    let value: String

    init(_ value: String) { self.value = value }

    var description: String { "<redacted>" }
    var debugDescription: String { "<redacted>" }
    var customMirror: Mirror { Mirror(self, children: [:]) }

    /// `text` with every occurrence of the key replaced by `<redacted>`.
    func scrub(_ text: String) -> String {
        text.replacing(value, with: "<redacted>")
    }
}

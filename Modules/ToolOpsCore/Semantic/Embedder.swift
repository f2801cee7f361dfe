/// Turns texts into vectors, for a semantic cache to compare by meaning.
///
/// `embed(_:)` returns one vector per text, in the order given, each of ``dimensions`` values. The
/// vectors need not be normalised: the semantic cache normalises them before comparing. An empty
/// text is a valid input.
///
/// Two embedders with different ``identifier``s never share cached vectors or cache entries, so
/// the identifier names the model and every setting that changes its output
/// (`"hashing-ngram-v1/512"`, `"openai:text-embedding-3-small/1536"`).
public protocol Embedder: Sendable {
    /// Names the model and the settings that change its vectors.
    var identifier: String { get }
    /// The length of every vector this embedder returns.
    var dimensions: Int { get }
    /// One vector per text, in order.
    ///
    /// - Throws: ``EmbeddingError`` when the texts cannot be embedded.
    func embed(_ texts: [String]) async throws(EmbeddingError) -> [[Float]]
}

extension Embedder {
    /// The vector of one text.
    public func embed(_ text: String) async throws(EmbeddingError) -> [Float] {
        let vectors = try await embed([text])
        guard let vector = vectors.first, vectors.count == 1 else {
            throw EmbeddingError(
                code: .invalidResponse, embedder: identifier,
                message: "expected 1 vector for 1 text, got \(vectors.count)")
        }
        return vector
    }
}

/// Why texts could not be embedded.
///
/// The message never contains an API key or a request body; it names the embedder and what went
/// wrong, so it can be logged and shown as is.
public struct EmbeddingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The embedder was set up wrongly (missing API key, bad base URL, bad model directory).
        case misconfigured
        /// The service refused the credentials.
        case unauthorized
        /// The service asked to slow down, and retries ran out.
        case rateLimited
        /// The service or network failed, and retries ran out.
        case unavailable
        /// No answer within the timeout.
        case timeout
        /// The service answered with something that is not the expected vectors.
        case invalidResponse
        /// The input cannot be embedded (for example, too many texts in one request).
        case invalidInput
        /// The caller's task was cancelled.
        case cancelled
    }

    /// The kind of failure.
    public var code: Code
    /// The embedder's ``Embedder/identifier``.
    public var embedder: String
    /// What went wrong, for people.
    public var message: String
    /// Whether the same request may succeed later.
    public var isRetryable: Bool

    public init(code: Code, embedder: String, message: String, isRetryable: Bool? = nil) {
        self.code = code
        self.embedder = embedder
        self.message = message
        self.isRetryable = isRetryable ?? [.rateLimited, .unavailable, .timeout].contains(code)
    }

    public var description: String { "embedder \(embedder): \(code.rawValue): \(message)" }
}

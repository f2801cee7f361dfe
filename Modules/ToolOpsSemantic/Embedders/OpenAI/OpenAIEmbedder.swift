import ToolOpsCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An ``Embedder`` for any OpenAI-compatible `/embeddings` endpoint: OpenAI, Azure OpenAI,
/// Ollama, vLLM, text-embeddings-inference.
///
/// Texts go out in batches of ``Configuration-swift.struct/batchSize``, one request after
/// another, over libcurl on a thread of its own (Swift's pool never blocks). A request that
/// meets `429` or a `5xx` status or a broken connection is tried again after a jittered,
/// exponentially growing wait, or after the `Retry-After` the server asked for; waits use the
/// injected clock. Cancelling the calling task abandons the request in flight.
///
/// The API key is read from an environment variable once, at `init`, and is never part of an
/// error message, a description or a dump of the embedder.
///
/// ```swift
/// let embedder = try OpenAIEmbedder(configuration: .init(model: "text-embedding-3-small", dimensions: 1536))
/// let vectors = try await embedder.embed(["refund policy", "opening hours"])
/// ```
public struct OpenAIEmbedder: Embedder {
    /// `"openai:<model>/<dimensions>"`, or the configuration's own identifier.
    public let identifier: String
    /// The settings this embedder was made with.
    public let configuration: Configuration
    let endpoint: Endpoint
    let apiKey: APIKey?
    let clock: any ToolClock
    let random: any RandomSource
    let client: CurlHTTPClient

    /// The vector length: the configuration's ``Configuration-swift.struct/dimensions``.
    public var dimensions: Int { configuration.dimensions }

    /// An embedder with `configuration`, reading the API key from `environment`.
    ///
    /// - Parameters:
    ///   - environment: Where the key's variable is looked up; the process environment by default.
    ///   - clock: Where retry waits sleep.
    ///   - random: The jitter of retry waits.
    /// - Throws: ``EmbeddingError`` with code `misconfigured` when a setting is invalid or a
    ///   required API key is missing.
    public init(
        configuration: Configuration,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        clock: any ToolClock = SystemClock(),
        random: any RandomSource = SystemRandom()
    ) throws(EmbeddingError) {
        let identifier = configuration.identifier ?? "openai:\(configuration.model)/\(configuration.dimensions)"
        self.identifier = identifier
        self.configuration = configuration
        self.endpoint = try Endpoint(configuration, embedder: identifier)
        self.apiKey = try configuration.authentication.apiKey(in: environment, embedder: identifier)
        self.clock = clock
        self.random = random
        self.client = CurlHTTPClient.shared
        try configuration.validate(embedder: identifier)
    }

    /// One vector per text, in order; empty input makes no request.
    public func embed(_ texts: [String]) async throws(EmbeddingError) -> [[Float]] {
        let size = configuration.batchSize
        let batchCount = (texts.count + size - 1) / size
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        for (number, start) in stride(from: 0, to: texts.count, by: size).enumerated() {
            let batch = Array(texts[start..<min(start + size, texts.count)])
            let label = batchCount == 1 ? "" : " (batch \(number + 1) of \(batchCount))"
            vectors += try await embedBatch(batch, label: label)
        }
        return vectors
    }
}

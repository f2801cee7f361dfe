import ToolOpsCore

extension OpenAIEmbedder {
    /// Where the endpoint is, which model to ask, and how to call it.
    ///
    /// The endpoint is ``baseURL`` + `/embeddings` + ``queryItems``. ``dimensions`` is required:
    /// the embedder must know its vector length before its first call (a semantic index is sized
    /// by it), and every response is checked against it.
    ///
    /// ```swift
    /// // Ollama on this machine, no API key:
    /// let local = OpenAIEmbedder.Configuration(
    ///     model: "nomic-embed-text", dimensions: 768, baseURL: "http://127.0.0.1:11434/v1", authentication: .none)
    /// ```
    public struct Configuration: Sendable, Hashable {
        /// The model (for Azure, any value: the deployment in ``baseURL`` picks the model).
        public var model: String
        /// The length of every vector; responses of another length are rejected.
        public var dimensions: Int
        /// The URL the `/embeddings` path is appended to. Default `https://api.openai.com/v1`.
        public var baseURL: String
        /// How the API key is sent, and which environment variable holds it.
        public var authentication: Authentication
        /// Whether the request asks the model to shorten its vectors to ``dimensions`` (the
        /// `dimensions` field, which `text-embedding-3-*` honour and many servers reject). Default false.
        public var requestsDimensions: Bool
        /// Query parameters added to the endpoint, such as Azure's `api-version`.
        public var queryItems: [String: String]
        /// The most texts per request. Default 128.
        public var batchSize: Int
        /// The limit on one request, from connecting to the last byte. Default 30 s.
        public var timeout: Duration
        /// How failed requests are tried again.
        public var retry: RetryPolicy
        /// Overrides the embedder's identifier (by default `"openai:<model>/<dimensions>"`).
        public var identifier: String?

        /// A configuration; every setting but the model and its vector length has a default.
        public init(
            model: String, dimensions: Int, baseURL: String = "https://api.openai.com/v1",
            authentication: Authentication = .bearer(), requestsDimensions: Bool = false,
            queryItems: [String: String] = [:], batchSize: Int = 128, timeout: Duration = .seconds(30),
            retry: RetryPolicy = RetryPolicy(), identifier: String? = nil
        ) {
            self.model = model
            self.dimensions = dimensions
            self.baseURL = baseURL
            self.authentication = authentication
            self.requestsDimensions = requestsDimensions
            self.queryItems = queryItems
            self.batchSize = batchSize
            self.timeout = timeout
            self.retry = retry
            self.identifier = identifier
        }

        /// An Azure OpenAI deployment: `<endpoint>/openai/deployments/<deployment>/embeddings?api-version=…`,
        /// with the key in the `api-key` header.
        ///
        /// - Parameter endpoint: The resource's endpoint, such as `https://my-resource.openai.azure.com`.
        public static func azure(
            endpoint: String, deployment: String, apiVersion: String, dimensions: Int,
            apiKeyVariable: String = "AZURE_OPENAI_API_KEY"
        ) -> Configuration {
            let root = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
            return Configuration(
                model: deployment, dimensions: dimensions, baseURL: "\(root)/openai/deployments/\(deployment)",
                authentication: .apiKeyHeader(environmentVariable: apiKeyVariable),
                queryItems: ["api-version": apiVersion], identifier: "azure-openai:\(deployment)/\(dimensions)")
        }

        func validate(embedder: String) throws(EmbeddingError) {
            func fail(_ message: String) -> EmbeddingError {
                EmbeddingError(code: .misconfigured, embedder: embedder, message: message)
            }
            if model.isEmpty { throw fail("the model is empty; set Configuration.model") }
            if dimensions < 1 { throw fail("dimensions is \(dimensions); set it to the model's vector length") }
            if batchSize < 1 { throw fail("batchSize is \(batchSize); it must be at least 1") }
            if timeout <= .zero { throw fail("timeout is \(timeout); it must be positive") }
        }
    }
}

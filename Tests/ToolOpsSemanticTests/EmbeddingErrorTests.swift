import Testing
import ToolOpsCore

@Suite struct EmbeddingErrorTests {
    @Test func retryableFollowsTheCode() {
        #expect(EmbeddingError(code: .rateLimited, embedder: "e", message: "m").isRetryable)
        #expect(EmbeddingError(code: .timeout, embedder: "e", message: "m").isRetryable)
        #expect(!EmbeddingError(code: .unauthorized, embedder: "e", message: "m").isRetryable)
        #expect(EmbeddingError(code: .invalidInput, embedder: "e", message: "m", isRetryable: true).isRetryable)
    }

    @Test func descriptionNamesEmbedderAndCode() {
        let error = EmbeddingError(code: .unauthorized, embedder: "openai:small", message: "HTTP 401")
        #expect(error.description == "embedder openai:small: unauthorized: HTTP 401")
    }
}

import Foundation
import Testing
import ToolOpsCore
import ToolOpsSemantic

@Suite("MiniLM embedder: text in, sentence-transformers' vector out")
struct MiniLMEmbedderTests {
    static let embedder: MiniLMEmbedder? = try? MiniLMEmbedder()

    @Test(
        "every reference text, tokenized and encoded here, has cosine ≥ 0.9999 with the reference embedding",
        .enabled(if: embedder != nil && MiniLMModelFixtures.referenceAvailable, "needs `make model` and the reference"))
    func referenceTexts() async throws {
        let embedder = try #require(Self.embedder)
        let references = MiniLMModelFixtures.references
        #expect(references.count == 200)
        let vectors = try await embedder.embed(references.map(\.text))
        var minimum: Float = 1
        for (reference, vector) in zip(references, vectors) {
            minimum = min(minimum, MiniLMModelFixtures.cosine(reference.embedding, vector))
        }
        print("MiniLM text → embedding: minimum cosine over \(references.count) references \(minimum)")
        #expect(minimum >= 0.9999)
        #expect(embedder.identifier == "minilm:all-MiniLM-L6-v2/384")
        #expect(embedder.dimensions == 384)
    }

    @Test(
        "paraphrases are close and unrelated texts are not; an empty text still embeds",
        .enabled(if: embedder != nil, "needs `make model`"))
    func meaning() async throws {
        let embedder = try #require(Self.embedder)
        let vectors = try await embedder.embed([
            "How do I reset my password?", "I forgot my password, how can I change it?",
            "The weather in Paris is sunny.", "",
        ])
        func cosine(_ a: Int, _ b: Int) -> Float { zip(vectors[a], vectors[b]).reduce(0) { $0 + $1.0 * $1.1 } }
        #expect(cosine(0, 1) > 0.6)
        #expect(cosine(0, 2) < 0.2)
        #expect(vectors[3].count == 384)
        #expect(try await embedder.embed([]).isEmpty)
    }

    @Test("a model directory without weights is an error naming model.safetensors")
    func missingWeights() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("minilm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect {
            _ = try MiniLMEmbedder(path: directory.path)
        } throws: { error in
            (error as? MiniLMError)?.code == .missingFile && "\(error)".contains("make model")
        }
    }
}

@Suite("Recommended embedding")
struct RecommendedEmbeddingTests {
    @Test("MiniLM when its model loads, the hashing embedder otherwise, each with its threshold")
    func recommended() throws {
        let missing = RecommendedEmbedding.resolve(environment: ["TOOLOPS_MINILM_PATH": "/nonexistent/minilm"])
        #expect(missing.embedder is HashingEmbedder)
        #expect(missing.threshold == 0.8)
        #expect(missing.reason.contains("/nonexistent/minilm"))
        guard let directory = MiniLMEmbedderTests.embedder?.directory else { return }
        let present = RecommendedEmbedding.resolve(environment: ["TOOLOPS_MINILM_PATH": directory.url.path])
        #expect(present.embedder is MiniLMEmbedder)
        #expect(present.threshold == 0.85)
    }
}

@Suite("MiniLM embedder cancellation")
struct MiniLMEmbedderCancellationTests {
    @Test(
        "cancelling the caller stops the work between batches and throws cancelled",
        .enabled(if: MiniLMEmbedderTests.embedder != nil, "needs `make model`"))
    func cancellation() async throws {
        let embedder = try #require(MiniLMEmbedderTests.embedder)
        let texts = (0..<2_000).map { "sentence number \($0) about caching tool calls" }
        let task = Task { try await embedder.embed(texts) }
        task.cancel()
        do {
            _ = try await task.value
            Issue.record("expected the embedding to be cancelled")
        } catch let error as EmbeddingError {
            #expect(error.code == .cancelled)
        }
    }
}

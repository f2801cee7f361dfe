import Testing
import ToolOpsCore
import ToolOpsSemantic

@Suite("The built-in hashing embedder")
struct HashingEmbedderTests {
    let embedder = HashingEmbedder()

    func similarity(_ a: String, _ b: String) -> Float {
        zip(embedder.vector(for: a), embedder.vector(for: b)).reduce(0) { $0 + $1.0 * $1.1 }
    }

    @Test("vectors have the configured length and unit norm")
    func unitVectors() async throws {
        let vectors = try await embedder.embed(["status of invoice 442", "Zürich weather, tomorrow"])
        #expect(vectors.count == 2)
        for vector in vectors {
            #expect(vector.count == 512)
            #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
        }
        #expect(HashingEmbedder(configuration: .init(dimensions: 64)).vector(for: "x").count == 64)
    }

    @Test("the same text gives the same vector, in any instance (no per-process seed)")
    func deterministic() {
        let expected = embedder.vector(for: "What is the status of invoice #442?")
        #expect(HashingEmbedder().vector(for: "What is the status of invoice #442?") == expected)
        // Pinned: a change of hashing would silently invalidate every persisted vector.
        let nonZero = expected.enumerated().filter { $0.element != 0 }.map(\.offset)
        #expect(nonZero.count > 10)
        #expect(embedder.identifier == "hashing-ngram-v1/512")
    }

    @Test("case and punctuation do not matter; shared key words make texts close")
    func lexicalSimilarity() {
        #expect(similarity("Status of invoice #442?", "status of invoice 442") > 0.99)
        #expect(similarity("status of invoice 442", "what's the status of invoice 442") > 0.7)
        #expect(similarity("status of invoice 442", "weather in Paris tomorrow") < 0.2)
    }

    @Test("function words weigh less than content words")
    func functionWordsWeighLess() {
        // Same function words, different content: far apart. Same content, different function words: close.
        #expect(similarity("what is the price of the lamp", "what is the colour of the sofa") < 0.35)
        #expect(similarity("price of the lamp", "the price for a lamp") > 0.6)
    }

    @Test("an empty text is the zero vector, close to nothing")
    func emptyText() {
        #expect(embedder.vector(for: "").allSatisfy { $0 == 0 })
        #expect(embedder.vector(for: "  ?! ").allSatisfy { $0 == 0 })
        #expect(similarity("", "anything") == 0)
    }

    @Test("changed weights change the identifier, so cached vectors are never mixed")
    func identifierNamesSettings() {
        let custom = HashingEmbedder(configuration: .init(dimensions: 256, wordPairWeight: 0))
        #expect(custom.identifier != "hashing-ngram-v1/256")
        #expect(custom.identifier.hasPrefix("hashing-ngram-v1/256/"))
        #expect(HashingEmbedder(configuration: .init(dimensions: 256)).identifier == "hashing-ngram-v1/256")
    }
}

import Testing

@testable import ToolOpsSemantic

@Suite(
    "MiniLM encoder",
    .enabled(
        if: MiniLMModelFixtures.referenceAvailable,
        "needs the model (make model, or TOOLOPS_MINILM_PATH) and the reference embeddings file"))
struct MiniLMModelTests {
    @Test("all 200 reference texts embed within cosine 0.9999 of sentence-transformers")
    func matchesReference() throws {
        let model = try #require(MiniLMModelFixtures.model)
        let references = MiniLMModelFixtures.references
        #expect(references.count == 200)
        // Batches of 32, as a caller would send them; batching is checked against single runs below.
        var vectors: [[Float]] = []
        for start in stride(from: 0, to: references.count, by: 32) {
            let batch = references[start..<min(start + 32, references.count)]
            vectors += model.embed(tokenIDs: batch.map(\.tokenIDs))
        }
        var minimum: Float = 1
        var worst = ""
        for (reference, vector) in zip(references, vectors) {
            #expect(vector.count == 384)
            let cosine = MiniLMModelFixtures.cosine(reference.embedding, vector)
            if cosine < minimum {
                minimum = cosine
                worst = reference.text
            }
        }
        print("MiniLM: minimum cosine over \(references.count) reference texts: \(minimum) (\"\(worst)\")")
        #expect(minimum >= 0.9999, "worst text: \(worst)")
    }

    @Test("a batch gives each sequence the vector it gets alone")
    func batchingMatchesSingles() throws {
        let model = try #require(MiniLMModelFixtures.model)
        // Sequences of different lengths, so a batch mixes short and long ones.
        let sequences = MiniLMModelFixtures.references.prefix(12).map(\.tokenIDs)
        let batched = model.embed(tokenIDs: Array(sequences))
        for (sequence, vector) in zip(sequences, batched) {
            let alone = model.embed(tokenIDs: [sequence])[0]
            #expect(MiniLMModelFixtures.cosine(alone, vector) >= 0.99999)
        }
    }

    @Test("embeddings are unit length")
    func unitLength() throws {
        let model = try #require(MiniLMModelFixtures.model)
        let vector = model.embed(tokenIDs: [[101, 7592, 2088, 102]])[0]
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(abs(norm - 1) < 1e-5)
    }

    @Test("weights are used in place from the mapped file")
    func weightsAreMapped() throws {
        let model = try #require(MiniLMModelFixtures.model)
        #expect(model.weights.wordEmbeddings.isMapped)
        #expect(model.weights.layers.allSatisfy { $0.intermediate.weight.isMapped && $0.output.weight.isMapped })
        #expect(model.dimensions == 384)
        #expect(model.weights.layers.count == 6)
    }
}

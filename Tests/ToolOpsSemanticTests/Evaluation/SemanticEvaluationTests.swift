import Foundation
import Testing
import ToolOpsCore
import ToolOpsSemantic

/// An embedder with fixed vectors, so the evaluation's arithmetic can be checked by hand.
struct TableEmbedder: Embedder {
    let vectors: [String: [Float]]
    var identifier: String { "table" }
    var dimensions: Int { 2 }
    func embed(_ texts: [String]) async throws(EmbeddingError) -> [[Float]] {
        try texts.map { text throws(EmbeddingError) in
            guard let vector = vectors[text] else {
                throw EmbeddingError(code: .invalidInput, embedder: identifier, message: "no vector for '\(text)'")
            }
            return vector
        }
    }
}

@Suite("Semantic evaluation")
struct SemanticEvaluationTests {
    func file(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toolops-eval-\(UUID().uuidString)")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("STS-B: ≥ 4 should hit, ≤ 2 must miss, the rest is left out; licence fields and quotes are fine")
    func readsSTSB() throws {
        let url = try file(
            "g\tf\t2012\t1\t4.5\tA \"man\" runs.\tA man is running.\n"
                + "g\tf\t2012\t2\t3.0\tmiddle\tleft out\n"
                + "g\tf\t2012\t3\t1.0\tA cat.\tA car.\tlicence\tattribution\n")
        let dataset = try EvaluationDataset.stsb(contentsOf: url)
        #expect(
            dataset.pairs == [
                LabeledPair(first: "A \"man\" runs.", second: "A man is running.", shouldHit: true),
                LabeledPair(first: "A cat.", second: "A car.", shouldHit: false),
            ])
    }

    @Test("PAWS: CRLF endings and a header row are accepted; label 1 should hit")
    func readsPAWS() throws {
        let url = try file("id\tsentence1\tsentence2\tlabel\r\n1\ta b\tb a\t0\r\n2\tx y\tx y z\t1\r\n")
        let dataset = try EvaluationDataset.paws(contentsOf: url)
        #expect(dataset.pairs.map(\.shouldHit) == [false, true])
        #expect(dataset.pairs.first?.second == "b a")
    }

    @Test("a malformed row is an error naming the file and line")
    func malformedRow() throws {
        let url = try file("1\ta\tb\t0\n2\tonly two\n")
        #expect(throws: EvaluationError.self) { try EvaluationDataset.paws(contentsOf: url) }
        do {
            _ = try EvaluationDataset.paws(contentsOf: url)
        } catch {
            #expect(error.description.hasPrefix("\(url.path):2: expected 4 tab-separated fields"))
        }
        let missing = URL(fileURLWithPath: "/nonexistent/sts-dev.csv")
        #expect(throws: EvaluationError.self) { try EvaluationDataset.stsb(contentsOf: missing) }
    }

    @Test("precision, recall and false-hit rate per threshold, with and without guards")
    func figures() async throws {
        let embedder = TableEmbedder(vectors: [
            "invoice 442": [1, 0], "invoice 442 status": [0.9, 0.1], "invoice 443": [0.95, 0.05],
            "new york to paris": [0, 1], "paris to new york": [0.05, 0.95], "a cat": [1, 1], "a dog": [1, 0.9],
        ])
        let dataset = EvaluationDataset(
            name: "toy",
            pairs: [
                LabeledPair(first: "invoice 442", second: "invoice 442 status", shouldHit: true),
                LabeledPair(first: "invoice 442", second: "invoice 443", shouldHit: false),
                LabeledPair(first: "new york to paris", second: "paris to new york", shouldHit: false),
                LabeledPair(first: "a cat", second: "a dog", shouldHit: true),
            ])
        let rows = try await SemanticEvaluation.run(datasets: [dataset], embedder: embedder, thresholds: [0.9, 0.999])
        #expect(rows.count == 4)
        let unguarded = try #require(rows.first { $0.threshold == 0.9 && !$0.guards })
        #expect((unguarded.trueHits, unguarded.falseHits, unguarded.positives, unguarded.negatives) == (2, 2, 2, 2))
        #expect(unguarded.precision == 0.5 && unguarded.recall == 1 && unguarded.falseHitRate == 1)
        let guarded = try #require(rows.first { $0.threshold == 0.9 && $0.guards })
        #expect((guarded.trueHits, guarded.falseHits) == (2, 0))
        #expect(guarded.rejections == [.identifiers: 1, .wordOrder: 1])
        #expect(guarded.json["rejected"]?["identifiers"] == 1)
        let strict = try #require(rows.first { $0.threshold == 0.999 && !$0.guards })
        #expect((strict.trueHits, strict.falseHits) == (0, 0))
        #expect(strict.precision == 1 && strict.recall == 0)
    }
}

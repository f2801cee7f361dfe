import ToolOpsCore

/// Scores an embedder, a threshold and the near-miss guards on labeled pairs: would a semantic
/// cache holding one text of a pair answer the other, and should it?
///
/// For each pair the cosine similarity of the two texts decides a hit (`≥ threshold`); with guards
/// on, a hit the ``NearMissGuards`` refuse becomes a miss. A hit on a should-hit pair is a true
/// hit, on a must-miss pair a false hit.
///
/// ```swift
/// let rows = try await SemanticEvaluation.run(
///     datasets: [stsb, paws], embedder: HashingEmbedder(), thresholds: [0.8, 0.9])
/// for row in rows { print(String(decoding: row.json.canonicalBytes(), as: UTF8.self)) }
/// ```
public enum SemanticEvaluation {
    /// Evaluates every dataset at every threshold, with the guards off and then with `guards`.
    ///
    /// Each distinct text is embedded once, in batches of `batchSize`.
    public static func run(
        datasets: [EvaluationDataset], embedder: any Embedder, thresholds: [Double],
        guards: NearMissGuards.Configuration = NearMissGuards.Configuration(), batchSize: Int = 64
    ) async throws(EmbeddingError) -> [EvaluationRow] {
        let vectors = try await embedAll(datasets.flatMap(\.pairs), embedder: embedder, batchSize: batchSize)
        let checker = NearMissGuards(configuration: guards)
        var rows: [EvaluationRow] = []
        for dataset in datasets {
            let scored = dataset.pairs.map { pair in
                ScoredPair(
                    similarity: cosine(vectors[pair.first]!, vectors[pair.second]!),
                    shouldHit: pair.shouldHit,
                    rejection: checker.rejection(TextSignature(pair.first), TextSignature(pair.second)))
            }
            for threshold in thresholds {
                for guarded in [false, true] {
                    rows.append(
                        EvaluationRow(
                            dataset: dataset.name, embedder: embedder.identifier, threshold: threshold,
                            guards: guarded, scored: scored))
                }
            }
        }
        return rows
    }

    private static func embedAll(
        _ pairs: [LabeledPair], embedder: any Embedder, batchSize: Int
    ) async throws(EmbeddingError) -> [String: [Float]] {
        var seen: Set<String> = []
        var texts: [String] = []
        for pair in pairs {
            for text in [pair.first, pair.second] where seen.insert(text).inserted { texts.append(text) }
        }
        var vectors: [String: [Float]] = [:]
        vectors.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let batch = Array(texts[start..<min(start + max(1, batchSize), texts.count)])
            let embedded = try await embedder.embed(batch)
            guard embedded.count == batch.count else {
                throw EmbeddingError(
                    code: .invalidResponse, embedder: embedder.identifier,
                    message: "returned \(embedded.count) vectors for \(batch.count) texts")
            }
            for (text, vector) in zip(batch, embedded) { vectors[text] = vector }
            start += batch.count
        }
        return vectors
    }
}

/// The cosine similarity of two vectors of equal length (0 when either is all zeros).
func cosine(_ a: [Float], _ b: [Float]) -> Double {
    var dot: Double = 0
    var normA: Double = 0
    var normB: Double = 0
    for index in 0..<min(a.count, b.count) {
        dot += Double(a[index]) * Double(b[index])
        normA += Double(a[index]) * Double(a[index])
        normB += Double(b[index]) * Double(b[index])
    }
    guard normA > 0, normB > 0 else { return 0 }
    return dot / (normA.squareRoot() * normB.squareRoot())
}

/// One pair's similarity, label and guard verdict.
struct ScoredPair: Sendable {
    let similarity: Double
    let shouldHit: Bool
    let rejection: NearMissGuards.Rejection?
}

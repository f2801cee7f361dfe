import ToolOpsCore

/// The figures of one dataset, embedder, threshold and guard setting.
public struct EvaluationRow: Sendable, Hashable {
    /// `stsb` or `paws`.
    public let dataset: String
    /// The embedder's identifier.
    public let embedder: String
    /// The similarity threshold.
    public let threshold: Double
    /// Whether the near-miss guards were on.
    public let guards: Bool
    /// Pairs that should hit.
    public let positives: Int
    /// Pairs that must miss.
    public let negatives: Int
    /// Hits on should-hit pairs.
    public let trueHits: Int
    /// Hits on must-miss pairs.
    public let falseHits: Int
    /// Hits the guards turned into misses, by rule (empty with guards off).
    public let rejections: [NearMissGuards.Rejection: Int]

    init(dataset: String, embedder: String, threshold: Double, guards: Bool, scored: [ScoredPair]) {
        self.dataset = dataset
        self.embedder = embedder
        self.threshold = threshold
        self.guards = guards
        var positives = 0
        var trueHits = 0
        var falseHits = 0
        var rejections: [NearMissGuards.Rejection: Int] = [:]
        for pair in scored {
            if pair.shouldHit { positives += 1 }
            guard pair.similarity >= threshold else { continue }
            if guards, let rejection = pair.rejection {
                rejections[rejection, default: 0] += 1
                continue
            }
            if pair.shouldHit { trueHits += 1 } else { falseHits += 1 }
        }
        self.positives = positives
        self.negatives = scored.count - positives
        self.trueHits = trueHits
        self.falseHits = falseHits
        self.rejections = rejections
    }

    /// True hits among all hits; 1 when there were no hits (nothing answered wrongly).
    public var precision: Double { trueHits + falseHits == 0 ? 1 : Double(trueHits) / Double(trueHits + falseHits) }
    /// Should-hit pairs that hit.
    public var recall: Double { positives == 0 ? 0 : Double(trueHits) / Double(positives) }
    /// Must-miss pairs that hit.
    public var falseHitRate: Double { negatives == 0 ? 0 : Double(falseHits) / Double(negatives) }

    /// The row as one JSON object.
    public var json: JSONValue {
        var rejected: [String: JSONValue] = [:]
        for rule in NearMissGuards.Rejection.allCases where guards {
            rejected[rule.rawValue] = .int(Int64(rejections[rule] ?? 0))
        }
        var object: [String: JSONValue] = [
            "dataset": .string(dataset), "embedder": .string(embedder), "threshold": .double(threshold),
            "guards": .bool(guards), "positives": .int(Int64(positives)), "negatives": .int(Int64(negatives)),
            "true_hits": .int(Int64(trueHits)), "false_hits": .int(Int64(falseHits)),
            "precision": .double(Self.round(precision)),
            "recall": .double(Self.round(recall)), "false_hit_rate": .double(Self.round(falseHitRate)),
        ]
        if guards { object["rejected"] = .object(rejected) }
        return .object(object)
    }

    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

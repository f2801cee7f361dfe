/// Two texts and whether a semantic cache should answer one with the other.
public struct LabeledPair: Sendable, Hashable {
    public var first: String
    public var second: String
    /// `true`: same meaning, a hit is right. `false`: different meaning, a hit is a false hit.
    public var shouldHit: Bool

    public init(first: String, second: String, shouldHit: Bool) {
        self.first = first
        self.second = second
        self.shouldHit = shouldHit
    }
}

/// A named set of labeled pairs, read from one of the public paraphrase datasets.
public struct EvaluationDataset: Sendable {
    /// `stsb` or `paws`.
    public var name: String
    public var pairs: [LabeledPair]

    public init(name: String, pairs: [LabeledPair]) {
        self.name = name
        self.pairs = pairs
    }
}

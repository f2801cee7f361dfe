/// Two texts and whether a semantic cache should answer one with the other.
public struct LabeledPair: Sendable, Hashable {
    /// One text.
    public var first: String
    /// The other text.
    public var second: String
    /// `true`: same meaning, a hit is right. `false`: different meaning, a hit is a false hit.
    public var shouldHit: Bool

    /// A pair and its label.
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
    /// The pairs, in file order.
    public var pairs: [LabeledPair]

    /// A dataset called `name`.
    public init(name: String, pairs: [LabeledPair]) {
        self.name = name
        self.pairs = pairs
    }
}

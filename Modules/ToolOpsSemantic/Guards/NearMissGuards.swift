/// Rules that refuse a semantic match that is close in wording but different in meaning — the
/// near-misses an embedding cannot tell apart.
///
/// On by default: "invoice 442" never answers "invoice 443" (``Configuration/identifiers``),
/// "is it paid" never answers "is it not paid" (``Configuration/negation``), and "flights from New
/// York to Florida" never answers "flights from Florida to New York"
/// (``Configuration/wordOrder``). Each costs a recall loss on true paraphrases that happen to trip
/// it; `make semantic-eval` measures both sides (Docs/SEMANTIC.md).
///
/// ```swift
/// let guards = NearMissGuards()
/// guards.rejection(TextSignature("status of invoice #442"), TextSignature("is invoice 443 paid?"))
/// // .identifiers
/// ```
public struct NearMissGuards: Sendable, Hashable {
    /// Which rules are on.
    public struct Configuration: Sendable, Hashable {
        /// Numbers and identifiers (see ``TextSignature/identifiers``) must be the same, in the same
        /// order. Default on.
        public var identifiers: Bool
        /// Both texts must be negated, or neither (an odd number of negation words). Default on.
        public var negation: Bool
        /// The content words both texts share must come in the same order. Default on.
        public var wordOrder: Bool
        /// The share of pairs of shared content words allowed in swapped order before the order
        /// rule refuses a match; 0 refuses any swap. Default 0.
        public var maxReorderedFraction: Double

        public init(
            identifiers: Bool = true, negation: Bool = true, wordOrder: Bool = true, maxReorderedFraction: Double = 0
        ) {
            self.identifiers = identifiers
            self.negation = negation
            self.wordOrder = wordOrder
            self.maxReorderedFraction = maxReorderedFraction
        }

        /// Every rule off: a match is decided by similarity alone.
        public static let none = Configuration(identifiers: false, negation: false, wordOrder: false)
    }

    /// Why a candidate was refused.
    public enum Rejection: String, Sendable, Hashable, CaseIterable {
        /// Different numbers or identifiers.
        case identifiers
        /// One text negated, the other not.
        case negation
        /// The shared words come in a different order.
        case wordOrder
    }

    /// Which rules are on.
    public var configuration: Configuration

    /// Guards with `configuration` (all rules on by default).
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Why `candidate` must not answer `query`, or `nil` when no rule objects.
    public func rejection(_ query: TextSignature, _ candidate: TextSignature) -> Rejection? {
        if configuration.identifiers, query.identifiers != candidate.identifiers { return .identifiers }
        if configuration.negation, query.negations % 2 != candidate.negations % 2 { return .negation }
        if configuration.wordOrder,
            Self.reorderedFraction(query.contentWords, candidate.contentWords) > configuration.maxReorderedFraction
        {
            return .wordOrder
        }
        return nil
    }

    /// Among the words that occur exactly once in each text, the share of pairs whose order differs.
    static func reorderedFraction(_ first: [String], _ second: [String]) -> Double {
        var positions: [String: Int] = [:]  // -1 for a word that occurs more than once
        for (index, word) in second.enumerated() {
            positions[word] = positions[word] == nil ? index : -1
        }
        var counts: [String: Int] = [:]
        for word in first { counts[word, default: 0] += 1 }
        let sequence = first.compactMap { word -> Int? in
            guard counts[word] == 1, let position = positions[word], position >= 0 else { return nil }
            return position
        }
        guard sequence.count >= 2 else { return 0 }
        var inversions = 0
        for i in 0..<sequence.count {
            for j in (i + 1)..<sequence.count where sequence[i] > sequence[j] { inversions += 1 }
        }
        return Double(inversions) / Double(sequence.count * (sequence.count - 1) / 2)
    }
}

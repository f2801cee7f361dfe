/// What the near-miss guards compare between two texts, computed once per text.
///
/// Cached entries keep their signature, so checking a candidate costs a few comparisons, not a
/// re-tokenisation.
public struct TextSignature: Sendable, Hashable {
    /// Words containing a digit (`442`, `v2`, `2024`), sorted: numbers and identifiers.
    public let identifiers: [String]
    /// How many negation words the text has (`not`, `no`, `never`, `isn't`, `without`, …).
    public let negations: Int
    /// The content words (not function words, not negations), in order.
    public let contentWords: [String]

    public init(_ text: String) {
        var identifiers: [String] = []
        var negations = 0
        var content: [String] = []
        for word in TextTokens(text).words {
            if word.unicodeScalars.contains(where: { $0.properties.numericType != nil }) {
                identifiers.append(Self.normalizedIdentifier(word))
            }
            if Self.isNegation(word) {
                negations += 1
            } else if !HashingEmbedder.isFunctionWord(word) {
                content.append(String(word))
            }
        }
        self.identifiers = identifiers.sorted()
        self.negations = negations
        self.contentWords = content
    }

    /// `0442` and `442` are the same number; `4.50` keeps its digits as written.
    static func normalizedIdentifier(_ word: Substring) -> String {
        guard word.allSatisfy(\.isASCII), word.allSatisfy(\.isNumber) else { return String(word) }
        let trimmed = word.drop(while: { $0 == "0" })
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    static let negationWords: Set<Substring> = [
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without", "cannot",
        "cant", "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "wont", "wouldnt", "shouldnt",
        "couldnt", "hasnt", "havent", "hadnt", "unpaid",
    ]

    static func isNegation(_ word: Substring) -> Bool {
        if word.hasSuffix("n't") || word.hasSuffix("n\u{2019}t") { return true }
        return negationWords.contains(word)
    }
}

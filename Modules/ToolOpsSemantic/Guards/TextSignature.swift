/// What the near-miss guards compare between two texts, computed once per text.
///
/// Cached entries keep their signature, so checking a candidate costs a few comparisons, not a
/// re-tokenisation.
public struct TextSignature: Sendable, Hashable {
    /// Numbers and identifiers, in order: runs of letters and digits containing a digit, with the
    /// `.`, `-`, `/`, `,` and `:` inside them kept (`442`, `v2`, `4.05`, `2024-05-06`, `inv-442`).
    public let identifiers: [String]
    /// How many negation words the text has (`not`, `no`, `never`, `isn't`, `without`, …).
    public let negations: Int
    /// The content words (not function words, not negations), in order.
    public let contentWords: [String]

    public init(_ text: String) {
        var negations = 0
        var content: [String] = []
        for word in TextTokens(text).words {
            if Self.isNegation(word) {
                negations += 1
            } else if !HashingEmbedder.isFunctionWord(word) {
                content.append(String(word))
            }
        }
        self.identifiers = Self.identifiers(in: text.lowercased())
        self.negations = negations
        self.contentWords = Array(content.prefix(Self.maxContentWords))
    }

    /// The word-order check compares pairs of words: bounded, so a very long text stays cheap.
    static let maxContentWords = 256

    /// The runs of letters and digits that contain a digit, joined across `.`, `-`, `/`, `,` and
    /// `:` between two letters or digits.
    static func identifiers(in lowered: String) -> [String] {
        let scalars = Array(lowered.unicodeScalars)
        var identifiers: [String] = []
        var current = String.UnicodeScalarView()
        var hasDigit = false
        func finish() {
            if hasDigit { identifiers.append(normalizedIdentifier(String(current))) }
            current = String.UnicodeScalarView()
            hasDigit = false
        }
        for (index, scalar) in scalars.enumerated() {
            if TextTokens.isWordScalar(scalar) {
                current.append(scalar)
                if scalar.properties.numericType != nil { hasDigit = true }
            } else if ".-/,:".unicodeScalars.contains(scalar), !current.isEmpty, index + 1 < scalars.count,
                TextTokens.isWordScalar(scalars[index + 1])
            {
                current.append(scalar)
            } else {
                finish()
            }
        }
        finish()
        return identifiers
    }

    /// `0442` and `442` are the same number (a whole integer only: `4.05` keeps every digit).
    static func normalizedIdentifier(_ token: String) -> String {
        guard token.allSatisfy({ $0.isASCII && $0.isNumber }) else { return token }
        let trimmed = token.drop(while: { $0 == "0" })
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

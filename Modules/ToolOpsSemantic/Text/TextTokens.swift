/// The words of a text as the built-in embedder and the near-miss guards see them: lower-cased
/// runs of letters and digits, with the apostrophe of a contraction kept (`isn't`).
///
/// Splitting is Unicode-aware (`é`, `ß`, CJK letters are word characters) and cheap: one pass over
/// the Unicode scalars of the lower-cased text.
struct TextTokens {
    /// The words, in order.
    let words: [Substring]

    init(_ text: String) {
        let lowered = text.lowercased()
        let scalars = lowered.unicodeScalars
        var words: [Substring] = []
        var start: String.Index?
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            let isWord =
                Self.isWordScalar(scalar)
                || (scalar == "'" || scalar == "\u{2019}") && start != nil && next < scalars.endIndex
                    && Self.isWordScalar(scalars[next])
            if isWord {
                if start == nil { start = index }
            } else if let first = start {
                words.append(lowered[first..<index])
                start = nil
            }
            index = next
        }
        if let first = start { words.append(lowered[first...]) }
        self.words = words
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7A).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

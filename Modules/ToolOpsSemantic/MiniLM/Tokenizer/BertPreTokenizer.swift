/// BERT's pre-tokenisation, as Hugging Face's `BertPreTokenizer`: normalised text is split at
/// whitespace, and every punctuation character becomes a word of its own.
///
/// `"don't stop!"` gives `don`, `'`, `t`, `stop`, `!`.
struct BertPreTokenizer: Sendable {
    /// Calls `body` with the range of each word of `scalars`, in order, until it returns `false`.
    func forEachWord(in scalars: [Unicode.Scalar], _ body: (Range<Int>) -> Bool) {
        var start = 0
        for index in scalars.indices {
            let scalar = scalars[index]
            if scalar.isBertWhitespace {
                if start < index, !body(start..<index) { return }
                start = index + 1
            } else if scalar.isBertPunctuation {
                if start < index, !body(start..<index) { return }
                if !body(index..<index + 1) { return }
                start = index + 1
            }
        }
        if start < scalars.count { _ = body(start..<scalars.count) }
    }
}

/// Finds special tokens written in a text (`[SEP]`, `[MASK]`), which the tokenizer keeps whole:
/// Hugging Face's tokenizers match them in the raw text, before normalisation, case-sensitively,
/// taking the longest at the leftmost position.
struct SpecialTokenMatcher: Sendable {
    /// A stretch of text to tokenize, or a special token's id.
    enum Segment {
        case text(Substring)
        case special(Int32)
    }

    private let tokens: [(utf8: [UInt8], id: Int32)]
    private let firstBytes: Set<UInt8>

    init(_ tokens: [(String, Int32)]) {
        // Longest first, so the first match at a position is the longest there.
        self.tokens = tokens.map { (Array($0.0.utf8), $0.1) }.filter { !$0.utf8.isEmpty }
            .sorted { $0.utf8.count > $1.utf8.count }
        firstBytes = Set(self.tokens.map { $0.utf8[0] })
    }

    /// `text` cut at each special token; empty stretches are left out.
    func segments(of text: String) -> [Segment] {
        let utf8 = text.utf8
        guard !tokens.isEmpty, utf8.contains(where: firstBytes.contains) else { return [.text(text[...])] }
        var segments: [Segment] = []
        var stretchStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            guard firstBytes.contains(utf8[index]),
                let (id, end) = match(in: utf8, at: index)
            else {
                index = utf8.index(after: index)
                continue
            }
            if stretchStart < index { segments.append(.text(text[stretchStart..<index])) }
            segments.append(.special(id))
            index = end
            stretchStart = end
        }
        if stretchStart < utf8.endIndex { segments.append(.text(text[stretchStart..<utf8.endIndex])) }
        return segments
    }

    private func match(in utf8: String.UTF8View, at index: String.Index) -> (Int32, String.Index)? {
        for token in tokens {
            var position = index
            var matched = true
            for byte in token.utf8 {
                guard position < utf8.endIndex, utf8[position] == byte else {
                    matched = false
                    break
                }
                position = utf8.index(after: position)
            }
            if matched { return (token.id, position) }
        }
        return nil
    }
}

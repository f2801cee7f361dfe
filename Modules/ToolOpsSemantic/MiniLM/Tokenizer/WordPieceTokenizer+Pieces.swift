extension WordPieceTokenizer {
    /// Appends the pieces of one word: greedy longest match from the left, as `tokenizers`'
    /// WordPiece model; the whole word is `[UNK]` when too long or when some part matches no piece.
    func appendPieces(of word: ArraySlice<Unicode.Scalar>, to encoding: inout Encoding, using buffer: inout WordBuffer)
    {
        guard word.count <= configuration.maxCharactersPerWord else {
            encoding.append(unknownID)
            return
        }
        buffer.load(word)
        buffer.pieces.removeAll(keepingCapacity: true)
        let count = word.count
        var start = 0
        while start < count {
            let table = start == 0 ? vocabulary.ids : vocabulary.continuationIDs
            let longest = start == 0 ? vocabulary.longestToken : vocabulary.longestContinuation
            var end = min(count, start + longest)
            var found: Int32?
            while end > start {
                if let id = table[buffer.text(from: start, to: end)] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let found else {
                encoding.append(unknownID)
                return
            }
            buffer.pieces.append(found)
            start = end
        }
        for id in buffer.pieces { encoding.append(id) }
    }
}

/// One word's UTF-8 bytes and where each of its scalars starts, reused from word to word so that
/// trying a piece costs a small string made from bytes, not a new array.
struct WordBuffer {
    private var bytes: [UInt8] = []
    private var offsets: [Int] = []
    var pieces: [Int32] = []

    mutating func load(_ word: ArraySlice<Unicode.Scalar>) {
        bytes.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        for scalar in word {
            offsets.append(bytes.count)
            UTF8.encode(scalar) { bytes.append($0) }
        }
        offsets.append(bytes.count)
    }

    /// The text of scalars `start..<end`; up to 15 bytes it is a small string, with no allocation.
    func text(from start: Int, to end: Int) -> String {
        String(decoding: bytes[offsets[start]..<offsets[end]], as: UTF8.self)
    }
}

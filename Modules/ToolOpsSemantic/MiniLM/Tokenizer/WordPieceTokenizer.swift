/// Turns text into the token ids of a BERT model, exactly as Hugging Face's uncased `BertTokenizer`
/// (the fast one, which sentence-transformers uses) does for all-MiniLM-L6-v2.
///
/// The steps: special tokens written in the text (`[SEP]`, `[MASK]`, …) are kept whole; the rest
/// is normalised (``BertNormalizer``: cleaned, CJK ideographs spaced, accents stripped,
/// lower-cased), split into words at whitespace and punctuation (``BertPreTokenizer``), and each
/// word is cut into the longest vocabulary pieces from the left (`##` marking a continuation); a
/// word that cannot be cut, or of more than ``Configuration/maxCharactersPerWord`` characters, is
/// `[UNK]`. The ids are framed by `[CLS]` and `[SEP]` and cut to ``Configuration/maxLength``,
/// `[SEP]` staying last.
///
/// ```swift
/// let tokenizer = try WordPieceTokenizer(modelDirectory: try MiniLMModelDirectory.resolve())
/// tokenizer.encode("A plane is taking off.")  // [101, 1037, 4946, 2003, 2635, 2125, 1012, 102]
/// ```
public struct WordPieceTokenizer: Sendable {
    /// The vocabulary the ids come from.
    public let vocabulary: WordPieceVocabulary
    /// The sequence limit and special tokens.
    public let configuration: Configuration

    let unknownID: Int32
    let classifierID: Int32
    let separatorID: Int32
    let specialTokens: SpecialTokenMatcher
    let normalizer = BertNormalizer()
    let preTokenizer = BertPreTokenizer()

    /// A tokenizer over `vocabulary`.
    ///
    /// - Throws: ``MiniLMError/Code/invalidVocabulary`` when the vocabulary lacks the unknown,
    ///   classifier or separator token.
    public init(vocabulary: WordPieceVocabulary, configuration: Configuration = Configuration()) throws(MiniLMError) {
        func id(of token: String) throws(MiniLMError) -> Int32 {
            guard let id = vocabulary.id(for: token) else {
                throw MiniLMError(.invalidVocabulary, path: vocabulary.source, "has no '\(token)' token")
            }
            return id
        }
        self.vocabulary = vocabulary
        self.configuration = configuration
        unknownID = try id(of: configuration.unknownToken)
        classifierID = try id(of: configuration.classifierToken)
        separatorID = try id(of: configuration.separatorToken)
        specialTokens = SpecialTokenMatcher(
            configuration.specialTokens.compactMap { token in vocabulary.id(for: token).map { (token, $0) } })
    }

    /// The ids of `text`: `[CLS]`, its pieces (as many as fit), `[SEP]`.
    public func encode(_ text: String) -> [Int32] {
        var encoding = Encoding(capacity: configuration.maxLength - 1)
        encoding.append(classifierID)
        var scalars: [Unicode.Scalar] = []
        var word = WordBuffer()
        for segment in specialTokens.segments(of: text) {
            if encoding.isFull { break }
            switch segment {
            case .special(let id):
                encoding.append(id)
            case .text(let text):
                normalizer.normalize(text, into: &scalars)
                preTokenizer.forEachWord(in: scalars) { range in
                    appendPieces(of: scalars[range], to: &encoding, using: &word)
                    return !encoding.isFull
                }
            }
        }
        encoding.ids.append(separatorID)
        return encoding.ids
    }

    /// The ids of each text, in order.
    public func encode(_ texts: [String]) -> [[Int32]] {
        texts.map { encode($0) }
    }

    /// The tokens of `text`, `[CLS]` and `[SEP]` included: ``encode(_:)-(String)`` as text, for debugging.
    public func tokens(_ text: String) -> [String] {
        encode(text).map { vocabulary.token(for: $0) ?? configuration.unknownToken }
    }
}

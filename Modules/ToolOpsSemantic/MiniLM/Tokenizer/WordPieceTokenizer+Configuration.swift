extension WordPieceTokenizer {
    /// The sequence limit, the word-length limit and the special tokens.
    public struct Configuration: Sendable, Hashable {
        /// The most ids one text gives, `[CLS]` and `[SEP]` included (at least 2).
        public var maxLength: Int
        /// A word of more characters (Unicode scalars) than this is `[UNK]` without trying pieces.
        public var maxCharactersPerWord: Int
        /// The token for a word the vocabulary cannot spell.
        public var unknownToken: String
        /// The token that starts every sequence.
        public var classifierToken: String
        /// The token that ends every sequence.
        public var separatorToken: String
        /// Tokens that, written in the text as is, are kept whole instead of being split as words.
        public var specialTokens: [String]

        /// The all-MiniLM-L6-v2 settings: 256 ids, 100 characters per word, BERT's special tokens.
        public init(
            maxLength: Int = MiniLMConfiguration.defaultMaxSequenceLength, maxCharactersPerWord: Int = 100,
            unknownToken: String = "[UNK]", classifierToken: String = "[CLS]", separatorToken: String = "[SEP]",
            specialTokens: [String] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
        ) {
            precondition(maxLength >= 2, "maxLength must leave room for [CLS] and [SEP]")
            self.maxLength = maxLength
            self.maxCharactersPerWord = maxCharactersPerWord
            self.unknownToken = unknownToken
            self.classifierToken = classifierToken
            self.separatorToken = separatorToken
            self.specialTokens = specialTokens
        }
    }
}

extension WordPieceTokenizer {
    /// The tokenizer of a checked model directory: its `vocab.txt`, and its sequence limit.
    ///
    /// - Throws: ``MiniLMError``: an unreadable or invalid vocabulary, or one with more tokens than
    ///   `config.json`'s `vocab_size` (its ids would be outside the embedding table).
    public init(modelDirectory: MiniLMModelDirectory) throws(MiniLMError) {
        let vocabulary = try WordPieceVocabulary(contentsOf: modelDirectory.vocabularyFile)
        let expected = modelDirectory.configuration.vocabularySize
        guard vocabulary.count <= expected else {
            throw MiniLMError(
                .invalidVocabulary, path: vocabulary.source,
                "has \(vocabulary.count) tokens but config.json's vocab_size is \(expected)")
        }
        try self.init(
            vocabulary: vocabulary,
            configuration: Configuration(maxLength: modelDirectory.configuration.maxSequenceLength))
    }
}

/// The ids of one text as they are produced, refusing more than the sequence limit leaves room for.
struct Encoding {
    var ids: [Int32] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        ids.reserveCapacity(min(capacity + 1, 64))
    }

    var isFull: Bool { ids.count >= capacity }

    mutating func append(_ id: Int32) {
        if !isFull { ids.append(id) }
    }
}

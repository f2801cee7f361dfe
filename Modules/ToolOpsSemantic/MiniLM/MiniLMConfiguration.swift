/// The shape of a BERT encoder such as all-MiniLM-L6-v2: what `config.json` says, plus the
/// sentence-transformers sequence limit from `sentence_bert_config.json`.
///
/// Read it from a model directory with ``MiniLMModelDirectory``; the forward pass sizes its
/// tensors from it.
///
/// ```swift
/// let directory = try MiniLMModelDirectory.resolve()
/// directory.configuration.hiddenSize         // 384
/// directory.configuration.maxSequenceLength  // 256
/// ```
public struct MiniLMConfiguration: Sendable, Hashable {
    /// Width of every hidden state (`hidden_size`), 384 for MiniLM-L6.
    public var hiddenSize: Int
    /// Number of transformer layers (`num_hidden_layers`).
    public var layerCount: Int
    /// Attention heads per layer (`num_attention_heads`); divides ``hiddenSize``.
    public var headCount: Int
    /// Width of the feed-forward layer (`intermediate_size`).
    public var intermediateSize: Int
    /// Positions the position embeddings cover (`max_position_embeddings`).
    public var maxPositions: Int
    /// Rows of the word embeddings (`vocab_size`).
    public var vocabularySize: Int
    /// Rows of the token-type embeddings (`type_vocab_size`).
    public var typeVocabularySize: Int
    /// The epsilon of every layer normalisation (`layer_norm_eps`).
    public var layerNormEpsilon: Double
    /// The feed-forward activation's name (`hidden_act`), such as `gelu`.
    public var hiddenActivation: String
    /// The most tokens, `[CLS]` and `[SEP]` included, one text is encoded to
    /// (`max_seq_length` of `sentence_bert_config.json`; 256 when that file is absent).
    public var maxSequenceLength: Int

    /// The sequence limit used when `sentence_bert_config.json` does not give one.
    public static let defaultMaxSequenceLength = 256

    /// A configuration with the given sizes.
    public init(
        hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int, maxPositions: Int,
        vocabularySize: Int, typeVocabularySize: Int, layerNormEpsilon: Double, hiddenActivation: String,
        maxSequenceLength: Int = MiniLMConfiguration.defaultMaxSequenceLength
    ) {
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.maxPositions = maxPositions
        self.vocabularySize = vocabularySize
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
        self.hiddenActivation = hiddenActivation
        self.maxSequenceLength = maxSequenceLength
    }
}

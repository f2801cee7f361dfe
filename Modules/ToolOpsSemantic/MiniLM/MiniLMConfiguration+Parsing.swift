import Foundation

extension MiniLMConfiguration {
    /// Parses a Hugging Face BERT `config.json` and, when given, a sentence-transformers
    /// `sentence_bert_config.json`.
    ///
    /// - Parameters:
    ///   - configuration: The bytes of `config.json`.
    ///   - configurationPath: Its path, for errors.
    ///   - sentenceConfiguration: The bytes of `sentence_bert_config.json`, or `nil` when there is none.
    ///   - sentenceConfigurationPath: Its path, for errors.
    /// - Throws: ``MiniLMError/Code/invalidConfiguration`` naming the file and the key at fault.
    public init(
        configuration: Data, configurationPath: String,
        sentenceConfiguration: Data? = nil, sentenceConfigurationPath: String = "sentence_bert_config.json"
    ) throws(MiniLMError) {
        let fields = try JSONFields(configuration, path: configurationPath)
        if let modelType = try fields.optionalString("model_type"), modelType != "bert" {
            throw fields.error("model_type is '\(modelType)', expected 'bert'")
        }
        self.init(
            hiddenSize: try fields.positiveInteger("hidden_size"),
            layerCount: try fields.positiveInteger("num_hidden_layers"),
            headCount: try fields.positiveInteger("num_attention_heads"),
            intermediateSize: try fields.positiveInteger("intermediate_size"),
            maxPositions: try fields.positiveInteger("max_position_embeddings"),
            vocabularySize: try fields.positiveInteger("vocab_size"),
            typeVocabularySize: try fields.positiveInteger("type_vocab_size"),
            layerNormEpsilon: try fields.positiveNumber("layer_norm_eps"),
            hiddenActivation: try fields.string("hidden_act"))
        guard hiddenSize % headCount == 0 else {
            throw fields.error("hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(headCount)")
        }
        if let sentenceConfiguration {
            let sentenceFields = try JSONFields(sentenceConfiguration, path: sentenceConfigurationPath)
            if sentenceFields.has("max_seq_length") {
                maxSequenceLength = try sentenceFields.positiveInteger("max_seq_length")
            }
            guard maxSequenceLength >= 2, maxSequenceLength <= maxPositions else {
                throw sentenceFields.error(
                    "max_seq_length \(maxSequenceLength) must be between 2 and max_position_embeddings \(maxPositions)")
            }
        }
    }
}

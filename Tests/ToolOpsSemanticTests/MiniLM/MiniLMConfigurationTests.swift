import Foundation
import Testing
import ToolOpsSemantic

@Suite("MiniLMConfiguration")
struct MiniLMConfigurationTests {
    /// The message of the error a directory with this `config.json` (and sentence config) gives.
    func failure(config: String, sentenceConfig: String? = nil) throws -> MiniLMError? {
        let url = try modelDirectory(config: config, sentenceConfig: sentenceConfig)
        return miniLMError { _ = try MiniLMModelDirectory(url: url) }
    }

    @Test("config.json that is not JSON, or not an object, is an invalid configuration")
    func notJSON() throws {
        let garbage = try failure(config: "<html>not found</html>")
        #expect(garbage?.code == .invalidConfiguration)
        #expect(garbage?.path.hasSuffix("/config.json") == true)
        #expect(garbage?.message == "not valid JSON")
        #expect(try failure(config: "[1, 2]")?.message == "not a JSON object")
    }

    @Test("a config.json that is not a BERT configuration names the key at fault")
    func notBERT() throws {
        let missing = try failure(config: #"{"model_type": "bert", "num_hidden_layers": 6}"#)
        #expect(missing?.message == "'hidden_size' is missing; is this a BERT config.json?")
        let gpt = try failure(config: bertConfigJSON.replacingOccurrences(of: "\"bert\"", with: "\"gpt2\""))
        #expect(gpt?.message == "model_type is 'gpt2', expected 'bert'")
        let text = try failure(config: bertConfigJSON.replacingOccurrences(of: "384", with: "\"384\""))
        #expect(text?.message == "'hidden_size' must be a whole number above zero, not \"384\"")
        let flag = try failure(
            config: bertConfigJSON.replacingOccurrences(of: "\"type_vocab_size\": 2", with: "\"type_vocab_size\": true")
        )
        #expect(flag?.message == "'type_vocab_size' must be a whole number above zero, not true")
        let heads = try failure(config: bertConfigJSON.replacingOccurrences(of: "384", with: "380"))
        #expect(heads?.message == "hidden_size 380 is not a multiple of num_attention_heads 12")
    }

    @Test("a broken sentence_bert_config.json is named; a sequence limit beyond the positions is refused")
    func sentenceConfiguration() throws {
        let broken = try failure(config: bertConfigJSON, sentenceConfig: "{")
        #expect(broken?.code == .invalidConfiguration)
        #expect(broken?.path.hasSuffix("/sentence_bert_config.json") == true)
        let long = try failure(config: bertConfigJSON, sentenceConfig: #"{"max_seq_length": 1024}"#)
        #expect(long?.message == "max_seq_length 1024 must be between 2 and max_position_embeddings 512")
    }

    @Test(
        "the downloaded all-MiniLM-L6-v2 is a 6-layer, 384-wide BERT limited to 256 tokens",
        .enabled(if: MiniLMFixtures.hasModel, "the MiniLM model is not downloaded: run `make model`"))
    func downloadedModel() throws {
        let configuration = try #require(MiniLMFixtures.modelDirectory).configuration
        #expect(configuration.hiddenSize == 384 && configuration.layerCount == 6 && configuration.headCount == 12)
        #expect(configuration.intermediateSize == 1536 && configuration.maxPositions == 512)
        #expect(configuration.vocabularySize == 30522 && configuration.typeVocabularySize == 2)
        #expect(configuration.layerNormEpsilon == 1e-12 && configuration.hiddenActivation == "gelu")
        #expect(configuration.maxSequenceLength == 256)
    }

    @Test("a vocabulary larger than config.json's vocab_size is refused")
    func vocabularyTooLarge() throws {
        let config = bertConfigJSON.replacingOccurrences(of: "30522", with: "2")
        let directory = try MiniLMModelDirectory(url: try modelDirectory(config: config))
        let error = miniLMError { _ = try WordPieceTokenizer(modelDirectory: directory) }
        #expect(error?.message == "has 3 tokens but config.json's vocab_size is 2")
    }
}

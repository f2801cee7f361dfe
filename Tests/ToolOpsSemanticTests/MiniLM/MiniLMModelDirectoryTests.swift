import Foundation
import Testing
import ToolOpsSemantic

/// A BERT `config.json` like all-MiniLM-L6-v2's.
let bertConfigJSON = """
    {"model_type": "bert", "hidden_size": 384, "num_hidden_layers": 6, "num_attention_heads": 12,
     "intermediate_size": 1536, "max_position_embeddings": 512, "vocab_size": 30522, "type_vocab_size": 2,
     "layer_norm_eps": 1e-12, "hidden_act": "gelu"}
    """

/// A temporary model directory with every required file (small stand-ins), minus `leaving`.
func modelDirectory(
    leaving missing: String? = nil, config: String = bertConfigJSON, vocabulary: String = "[UNK]\n[CLS]\n[SEP]\n",
    sentenceConfig: String? = nil
) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("minilm-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    var files = [
        "config.json": config, "vocab.txt": vocabulary, "tokenizer.json": "{}", "model.safetensors": "weights",
    ]
    if let sentenceConfig { files["sentence_bert_config.json"] = sentenceConfig }
    for (name, contents) in files where name != missing {
        try contents.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return url
}

/// The error `body` throws, if it is a ``MiniLMError``.
func miniLMError(_ body: () throws -> Void) -> MiniLMError? {
    do {
        try body()
        return nil
    } catch {
        return error as? MiniLMError
    }
}

@Suite("MiniLMModelDirectory")
struct MiniLMModelDirectoryTests {
    @Test("a complete directory gives the configuration, with 256 tokens when sentence_bert_config.json is absent")
    func configuration() throws {
        let directory = try MiniLMModelDirectory(url: try modelDirectory())
        let expected = MiniLMConfiguration(
            hiddenSize: 384, layerCount: 6, headCount: 12, intermediateSize: 1536, maxPositions: 512,
            vocabularySize: 30522, typeVocabularySize: 2, layerNormEpsilon: 1e-12, hiddenActivation: "gelu",
            maxSequenceLength: 256)
        #expect(directory.configuration == expected)
        #expect(directory.weightsFile.lastPathComponent == "model.safetensors")
        let limited = try MiniLMModelDirectory(url: try modelDirectory(sentenceConfig: #"{"max_seq_length": 128}"#))
        #expect(limited.configuration.maxSequenceLength == 128)
    }

    @Test("a missing directory names its config.json and says to run make model")
    func missingDirectory() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-model-\(UUID().uuidString)").path
        let error = miniLMError { _ = try MiniLMModelDirectory(path: path) }
        #expect(error?.code == .missingFile)
        #expect(error?.path == path + "/config.json")
        #expect(error?.description.contains("does not exist") == true)
        #expect(error?.description.contains("run `make model`") == true)
    }

    @Test("each missing required file is named", arguments: MiniLMModelDirectory.requiredFiles)
    func missingFile(_ name: String) throws {
        let url = try modelDirectory(leaving: name)
        let error = miniLMError { _ = try MiniLMModelDirectory(url: url) }
        #expect(error?.code == .missingFile)
        #expect(error?.path == url.appendingPathComponent(name).path)
    }

    @Test("an empty file, or a directory in a file's place, is named with what is wrong")
    func emptyOrDirectory() throws {
        let url = try modelDirectory()
        try Data().write(to: url.appendingPathComponent("model.safetensors"))
        let empty = miniLMError { _ = try MiniLMModelDirectory(url: url) }
        #expect(empty?.code == .emptyFile)
        #expect(empty?.path.hasSuffix("/model.safetensors") == true)
        #expect(empty?.description.contains("delete the model directory and run `make model`") == true)
        let other = try modelDirectory(leaving: "tokenizer.json")
        try FileManager.default.createDirectory(
            at: other.appendingPathComponent("tokenizer.json"), withIntermediateDirectories: false)
        #expect(miniLMError { _ = try MiniLMModelDirectory(url: other) }?.code == .unreadableFile)
    }

    @Test("an unreadable file is named", .enabled(if: getuid() != 0, "root reads any file"))
    func unreadable() throws {
        let url = try modelDirectory()
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o000], ofItemAtPath: url.appendingPathComponent("vocab.txt").path)
        let error = miniLMError { _ = try MiniLMModelDirectory(url: url) }
        #expect(error?.code == .unreadableFile)
        #expect(error?.path.hasSuffix("/vocab.txt") == true)
    }
}

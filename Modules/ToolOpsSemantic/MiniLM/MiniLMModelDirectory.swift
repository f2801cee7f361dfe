import Foundation

/// A checked all-MiniLM-L6-v2 model directory: its required files exist, are readable and not
/// empty, and its `config.json` is a BERT configuration.
///
/// `make model` puts the model in the cache directory; ``resolve(_:environment:)`` finds it there
/// (or where an explicit path or `TOOLOPS_MINILM_PATH` says) and checks it, so a missing or
/// damaged file is one ``MiniLMError`` naming it, before any weights are read.
///
/// ```swift
/// let directory = try MiniLMModelDirectory.resolve()
/// let tokenizer = try WordPieceTokenizer(modelDirectory: directory)
/// let weights = directory.weightsFile  // model.safetensors
/// ```
public struct MiniLMModelDirectory: Sendable, Hashable {
    /// The directory.
    public let url: URL
    /// What `config.json` and `sentence_bert_config.json` say.
    public let configuration: MiniLMConfiguration

    /// The files every model directory must have, non-empty.
    public static let requiredFiles = ["config.json", "vocab.txt", "tokenizer.json", "model.safetensors"]

    /// Checks the model directory at `url` and reads its configuration.
    ///
    /// - Throws: ``MiniLMError``: a required file missing, empty or unreadable, or a configuration
    ///   file that is not a BERT configuration.
    public init(url: URL) throws(MiniLMError) {
        self.url = url
        for name in Self.requiredFiles {
            try ModelFile.check(url.appendingPathComponent(name))
        }
        let configurationFile = url.appendingPathComponent("config.json")
        let sentenceFile = url.appendingPathComponent("sentence_bert_config.json")
        let sentenceData = try ModelFile.existsAsFile(sentenceFile) ? ModelFile.read(sentenceFile) : nil
        configuration = try MiniLMConfiguration(
            configuration: try ModelFile.read(configurationFile), configurationPath: configurationFile.path,
            sentenceConfiguration: sentenceData, sentenceConfigurationPath: sentenceFile.path)
    }

    /// Checks the model directory at `path` and reads its configuration.
    ///
    /// - Throws: ``MiniLMError``, as ``init(url:)``.
    public init(path: String) throws(MiniLMError) {
        try self.init(url: URL(fileURLWithPath: path, isDirectory: true))
    }

    /// `config.json`: the encoder's sizes.
    public var configurationFile: URL { url.appendingPathComponent("config.json") }
    /// `vocab.txt`: the WordPiece vocabulary, one token per line.
    public var vocabularyFile: URL { url.appendingPathComponent("vocab.txt") }
    /// `tokenizer.json`: the Hugging Face fast-tokenizer description.
    public var tokenizerFile: URL { url.appendingPathComponent("tokenizer.json") }
    /// `model.safetensors`: the weights.
    public var weightsFile: URL { url.appendingPathComponent("model.safetensors") }
}

/// Why the MiniLM model directory, one of its files, or its vocabulary cannot be used.
///
/// The description names the file, says what is wrong with it and what to do: fetch the model
/// with `make model`, or (for a damaged copy) delete the directory and fetch it again.
///
/// ```swift
/// do {
///     _ = try MiniLMModelDirectory(path: "/models/all-MiniLM-L6-v2")
/// } catch where error.code == .missingFile {
///     print(error)  // MiniLM model file '/models/all-MiniLM-L6-v2/vocab.txt': missing file: …
/// }
/// ```
public struct MiniLMError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String

        /// A required file (or the directory holding it) does not exist.
        public static let missingFile = Code(name: "missing file")
        /// A required file is empty.
        public static let emptyFile = Code(name: "empty file")
        /// A file exists but cannot be read (permissions, a directory in its place, an I/O error).
        public static let unreadableFile = Code(name: "unreadable file")
        /// `config.json` or `sentence_bert_config.json` is not JSON, or not a BERT configuration.
        public static let invalidConfiguration = Code(name: "invalid configuration")
        /// `vocab.txt` is not one distinct token per line, or lacks a special token.
        public static let invalidVocabulary = Code(name: "invalid vocabulary")

        /// The code's name, as the description shows it.
        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// The path of the file (or directory) at fault.
    public let path: String
    /// What is wrong with it.
    public let message: String

    /// An error of `code` about the file at `path`.
    public init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    /// `MiniLM model file '<path>': <code>: <message>; <what to do>`, on one line.
    public var description: String {
        "MiniLM model file '\(path)': \(code): \(message); \(remedy)"
    }

    /// A missing file is fetched; a damaged one is fetched again (`make model` keeps a complete copy).
    private var remedy: String {
        switch code {
        case .missingFile:
            "run `make model` to download the model (or pass --model / set TOOLOPS_MINILM_PATH to a complete copy)"
        default:
            "delete the model directory and run `make model` to download it again"
        }
    }
}

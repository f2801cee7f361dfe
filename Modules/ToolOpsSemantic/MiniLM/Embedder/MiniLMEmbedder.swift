import Dispatch
import Foundation
import Synchronization
import ToolOpsCore

/// all-MiniLM-L6-v2 in Swift: the sentence embedder of the semantic cache when the model is on
/// disk (`make model`). No Python, no network at run time.
///
/// Texts are tokenized exactly as Hugging Face's BertTokenizer does (``WordPieceTokenizer``),
/// encoded by the 6-layer BERT encoder (``MiniLMModel``, OpenBLAS on one thread), mean-pooled over
/// the tokens and L2-normalised: vectors match sentence-transformers' to a cosine of 0.9999+.
/// Inference runs on a dedicated serial queue, never on Swift's cooperative pool, in batches of
/// ``batchSize`` texts; texts longer than 256 tokens are truncated, as sentence-transformers does.
///
/// ```swift
/// let embedder = try MiniLMEmbedder()            // $TOOLOPS_MINILM_PATH, else the `make model` cache
/// let cache = SemanticCache(embedder: embedder)  // recommended threshold: Docs/SEMANTIC.md
/// ```
public final class MiniLMEmbedder: Embedder, Sendable {
    /// The model directory in use.
    public let directory: MiniLMModelDirectory
    /// The texts encoded per pass of the model.
    public let batchSize: Int
    /// `minilm:<directory name>/<dimensions>`.
    public let identifier: String
    let tokenizer: WordPieceTokenizer
    let model: MiniLMModel
    private let queue = DispatchQueue(label: "toolops.minilm.inference", qos: .userInitiated)

    /// Loads the model in `directory`.
    ///
    /// - Throws: ``MiniLMError`` naming the missing or damaged file.
    public init(directory: MiniLMModelDirectory, batchSize: Int = 32) throws(MiniLMError) {
        self.directory = directory
        self.batchSize = max(1, batchSize)
        tokenizer = try WordPieceTokenizer(modelDirectory: directory)
        model = try MiniLMModel(modelDirectory: directory)
        identifier = "minilm:\(directory.url.lastPathComponent)/\(model.dimensions)"
    }

    /// Loads the model at `path`, else `$TOOLOPS_MINILM_PATH`, else the `make model` cache directory.
    ///
    /// - Throws: ``MiniLMError`` naming the missing or damaged file, with a hint to run `make model`.
    public convenience init(
        path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment, batchSize: Int = 32
    ) throws(MiniLMError) {
        try self.init(directory: MiniLMModelDirectory.resolve(path, environment: environment), batchSize: batchSize)
    }

    /// 384.
    public var dimensions: Int { model.dimensions }

    /// One unit vector per text, in order.
    ///
    /// - Throws: ``EmbeddingError`` (`cancelled`) when the calling task is cancelled: batches not
    ///   yet started are skipped.
    public func embed(_ texts: [String]) async throws(EmbeddingError) -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        let tokenizer = tokenizer
        let model = model
        let batchSize = batchSize
        let cancelled = CancellationFlag()
        let vectors: [[Float]]? = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async {
                    var vectors: [[Float]] = []
                    vectors.reserveCapacity(texts.count)
                    var start = 0
                    while start < texts.count {
                        if cancelled.isSet {
                            continuation.resume(returning: nil)
                            return
                        }
                        let batch = Array(texts[start..<min(start + batchSize, texts.count)])
                        vectors.append(contentsOf: model.embed(tokenIDs: tokenizer.encode(batch)))
                        start += batch.count
                    }
                    continuation.resume(returning: vectors)
                }
            }
        } onCancel: {
            cancelled.set()
        }
        guard let vectors else {
            throw EmbeddingError(code: .cancelled, embedder: identifier, message: "the calling task was cancelled")
        }
        return vectors
    }

    /// The token ids of `texts`, as the model sees them (for `toolops embed --ids`).
    public func tokenIDs(_ texts: [String]) -> [[Int32]] {
        tokenizer.encode(texts)
    }
}

/// Set once by a task's cancellation handler, read by the inference queue between batches.
final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)

    var isSet: Bool { value.load(ordering: .acquiring) }

    func set() { value.store(true, ordering: .releasing) }
}

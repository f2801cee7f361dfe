/// The all-MiniLM-L6-v2 sentence encoder, run natively on the CPU from its safetensors weights.
///
/// Loading maps `model.safetensors` read-only and checks every tensor's shape; Float32 weights are
/// used in place, so a loaded model costs little more memory than the pages of the file it touches.
/// ``embed(tokenIDs:)`` runs the BERT encoder on WordPiece ids (with `[CLS]` and `[SEP]`), then
/// mean-pools over the tokens and L2-normalises: the sentence-transformers model's output.
///
/// Embedding is synchronous, single-threaded CPU work of milliseconds; run it off Swift's
/// cooperative pool. A model value is immutable and may be used from several threads at once.
///
/// ```swift
/// let model = try MiniLMModel(directory: "/root/.cache/toolops/models/all-MiniLM-L6-v2")
/// let vectors = model.embed(tokenIDs: [[101, 1037, 4946, 2003, 2635, 2125, 1012, 102]])
/// ```
public struct MiniLMModel: Sendable {
    /// The safetensors file the weights are mapped from.
    public let path: String
    let architecture: MiniLMArchitecture
    let weights: MiniLMWeights

    /// Loads `model.safetensors` from a model directory.
    ///
    /// - Throws: ``SafetensorsError`` when the file is missing, damaged, or not a MiniLM/BERT encoder.
    public init(directory: String) throws(SafetensorsError) {
        let separator = directory.hasSuffix("/") ? "" : "/"
        try self.init(safetensorsPath: directory + separator + "model.safetensors")
    }

    /// Loads the weights from a safetensors file.
    ///
    /// - Throws: ``SafetensorsError`` when the file is missing, damaged, or not a MiniLM/BERT encoder.
    public init(safetensorsPath: String) throws(SafetensorsError) {
        let file = try SafetensorsFile(path: safetensorsPath)
        try self.init(file: file, architecture: MiniLMArchitecture(file: file))
    }

    init(file: SafetensorsFile, architecture: MiniLMArchitecture) throws(SafetensorsError) {
        path = file.path
        self.architecture = architecture
        weights = try MiniLMWeights(file: file, architecture: architecture)
    }

    /// The length of each embedding (384).
    public var dimensions: Int { architecture.hiddenSize }

    /// The longest token sequence the position embeddings cover (512).
    public var maximumTokens: Int { architecture.maximumPositions }

    /// The vocabulary size: token ids must be below it.
    public var vocabularySize: Int { architecture.vocabularySize }

    /// One unit-length embedding per token sequence, in order.
    ///
    /// The sequences are encoded together, each attending only to its own tokens, so a batch
    /// gives the vectors each sequence gives alone. Each sequence must be non-empty, at most
    /// ``maximumTokens`` long, with ids below ``vocabularySize`` (a tokenizer's output is).
    public func embed(tokenIDs sequences: [[Int32]]) -> [[Float]] {
        for sequence in sequences {
            precondition(
                !sequence.isEmpty && sequence.count <= maximumTokens,
                "MiniLM: a token sequence must hold 1...\(maximumTokens) ids, not \(sequence.count)")
            precondition(
                sequence.allSatisfy { $0 >= 0 && Int($0) < vocabularySize },
                "MiniLM: token ids must be in 0..<\(vocabularySize)")
        }
        var vectors: [[Float]] = []
        vectors.reserveCapacity(sequences.count)
        // Bounded groups keep the scratch memory small whatever the batch.
        var group: [[Int32]] = []
        var groupTokens = 0
        for sequence in sequences {
            if groupTokens + sequence.count > Self.tokensPerPass && !group.isEmpty {
                vectors += encode(group)
                group.removeAll(keepingCapacity: true)
                groupTokens = 0
            }
            group.append(sequence)
            groupTokens += sequence.count
        }
        if !group.isEmpty { vectors += encode(group) }
        return vectors
    }

    /// The most tokens encoded in one pass (a single sequence may exceed it).
    static let tokensPerPass = 1_024
}

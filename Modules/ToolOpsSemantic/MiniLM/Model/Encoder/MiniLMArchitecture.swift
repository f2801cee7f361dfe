/// The encoder's dimensions: read from the weights' shapes, with what the shapes cannot tell
/// (head count, LayerNorm ε) fixed to all-MiniLM-L6-v2's `config.json` values.
struct MiniLMArchitecture: Sendable, Hashable {
    var vocabularySize = 30_522
    var maximumPositions = 512
    var hiddenSize = 384
    var layerCount = 6
    var headCount = 12
    var intermediateSize = 1_536
    var layerNormEpsilon: Float = 1e-12

    var headWidth: Int { hiddenSize / headCount }

    /// The dimensions of the BERT encoder in `file`, with `headCount` heads.
    init(file: SafetensorsFile, headCount: Int = 12, layerNormEpsilon: Float = 1e-12) throws(SafetensorsError) {
        let words = try file.tensor("embeddings.word_embeddings.weight")
        let positions = try file.tensor("embeddings.position_embeddings.weight")
        let intermediate = try file.tensor("encoder.layer.0.intermediate.dense.weight")
        guard words.shape.count == 2, positions.shape.count == 2, intermediate.shape.count == 2 else {
            throw SafetensorsError(
                .wrongShape, path: file.path, tensor: words.name, "embedding and dense weights must be matrices")
        }
        vocabularySize = words.shape[0]
        hiddenSize = words.shape[1]
        maximumPositions = positions.shape[0]
        intermediateSize = intermediate.shape[0]
        layerCount = 0
        while file.tensors["encoder.layer.\(layerCount).attention.self.query.weight"] != nil { layerCount += 1 }
        self.headCount = headCount
        self.layerNormEpsilon = layerNormEpsilon
        guard hiddenSize > 0, hiddenSize % headCount == 0 else {
            throw SafetensorsError(
                .wrongShape, path: file.path, tensor: words.name,
                "hidden size \(hiddenSize) is not a multiple of \(headCount) attention heads")
        }
    }
}

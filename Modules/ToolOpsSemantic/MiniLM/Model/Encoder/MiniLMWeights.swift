/// The encoder's tensors, looked up and shape-checked once at load time.
///
/// Dense weights stay in PyTorch's `[out, in]` layout, mapped in place; the matrix product reads
/// them transposed.
struct MiniLMWeights: Sendable {
    struct Dense: Sendable {
        /// `[out, in]`.
        let weight: FloatTensor
        /// `[out]`.
        let bias: FloatTensor
        var outputs: Int { weight.shape[0] }
        var inputs: Int { weight.shape[1] }
    }

    struct Norm: Sendable {
        let gamma: FloatTensor
        let beta: FloatTensor
    }

    struct Layer: Sendable {
        let query: Dense
        let key: Dense
        let value: Dense
        let attentionOutput: Dense
        let attentionNorm: Norm
        let intermediate: Dense
        let output: Dense
        let outputNorm: Norm
    }

    let wordEmbeddings: FloatTensor
    let positionEmbeddings: FloatTensor
    let tokenTypeEmbeddings: FloatTensor
    let embeddingNorm: Norm
    let layers: [Layer]

    init(file: SafetensorsFile, architecture: MiniLMArchitecture) throws(SafetensorsError) {
        let hidden = architecture.hiddenSize
        let intermediate = architecture.intermediateSize
        func dense(_ prefix: String, outputs: Int, inputs: Int) throws(SafetensorsError) -> Dense {
            Dense(
                weight: try file.floats("\(prefix).weight", shape: [outputs, inputs]),
                bias: try file.floats("\(prefix).bias", shape: [outputs]))
        }
        func norm(_ prefix: String) throws(SafetensorsError) -> Norm {
            Norm(
                gamma: try file.floats("\(prefix).weight", shape: [hidden]),
                beta: try file.floats("\(prefix).bias", shape: [hidden]))
        }
        wordEmbeddings = try file.floats(
            "embeddings.word_embeddings.weight", shape: [architecture.vocabularySize, hidden])
        positionEmbeddings = try file.floats(
            "embeddings.position_embeddings.weight", shape: [architecture.maximumPositions, hidden])
        let tokenTypes = try file.tensor("embeddings.token_type_embeddings.weight")
        tokenTypeEmbeddings = try file.floats(
            tokenTypes.name, shape: [max(tokenTypes.shape.first ?? 1, 1), hidden])
        embeddingNorm = try norm("embeddings.LayerNorm")
        var layers: [Layer] = []
        for index in 0..<architecture.layerCount {
            let prefix = "encoder.layer.\(index)"
            layers.append(
                Layer(
                    query: try dense("\(prefix).attention.self.query", outputs: hidden, inputs: hidden),
                    key: try dense("\(prefix).attention.self.key", outputs: hidden, inputs: hidden),
                    value: try dense("\(prefix).attention.self.value", outputs: hidden, inputs: hidden),
                    attentionOutput: try dense("\(prefix).attention.output.dense", outputs: hidden, inputs: hidden),
                    attentionNorm: try norm("\(prefix).attention.output.LayerNorm"),
                    intermediate: try dense("\(prefix).intermediate.dense", outputs: intermediate, inputs: hidden),
                    output: try dense("\(prefix).output.dense", outputs: hidden, inputs: intermediate),
                    outputNorm: try norm("\(prefix).output.LayerNorm")))
        }
        self.layers = layers
    }
}

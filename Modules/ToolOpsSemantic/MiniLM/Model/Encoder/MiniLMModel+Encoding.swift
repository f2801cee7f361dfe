extension MiniLMModel {
    /// Runs the encoder on `sequences` packed one after another (no padding), then pools each.
    func encode(_ sequences: [[Int32]]) -> [[Float]] {
        let hidden = architecture.hiddenSize
        let tokens = sequences.reduce(0) { $0 + $1.count }
        let longest = sequences.map(\.count).max() ?? 0
        let scratch = EncoderScratch(
            tokens: tokens, hidden: hidden, intermediate: architecture.intermediateSize, longest: longest)
        defer { scratch.deallocate() }
        return withExtendedLifetime(weights) {
            embedTokens(sequences, into: scratch.hidden)
            for layer in weights.layers {
                attentionBlock(layer, sequences: sequences, scratch: scratch)
                feedForwardBlock(layer, tokens: tokens, scratch: scratch)
            }
            return pool(sequences, scratch.hidden)
        }
    }

    /// Word + position + token type 0 embeddings, then LayerNorm.
    private func embedTokens(_ sequences: [[Int32]], into output: UnsafeMutablePointer<Float>) {
        let hidden = architecture.hiddenSize
        let words = weights.wordEmbeddings.pointer
        let positions = weights.positionEmbeddings.pointer
        let tokenType = weights.tokenTypeEmbeddings.pointer
        var row = 0
        for sequence in sequences {
            for (position, id) in sequence.enumerated() {
                let target = output + row * hidden
                let word = words + Int(id) * hidden
                let place = positions + position * hidden
                for i in 0..<hidden { target[i] = word[i] + place[i] + tokenType[i] }
                row += 1
            }
        }
        normalize(output, rows: row, weights.embeddingNorm)
    }

    /// Self-attention, output dense, residual and LayerNorm; the result replaces `scratch.hidden`.
    private func attentionBlock(_ layer: MiniLMWeights.Layer, sequences: [[Int32]], scratch: EncoderScratch) {
        let tokens = scratch.tokens
        dense(layer.query, scratch.hidden, rows: tokens, into: scratch.query)
        dense(layer.key, scratch.hidden, rows: tokens, into: scratch.key)
        dense(layer.value, scratch.hidden, rows: tokens, into: scratch.value)
        var row = 0
        for sequence in sequences {
            let offset = row * architecture.hiddenSize
            SelfAttention.apply(
                query: scratch.query + offset, key: scratch.key + offset, value: scratch.value + offset,
                tokens: sequence.count, heads: architecture.headCount, headWidth: architecture.headWidth,
                scores: scratch.scores, context: scratch.context + offset)
            row += sequence.count
        }
        // hidden = LayerNorm(hidden + context·Wᵀ + b): the residual is the product's starting value.
        dense(layer.attentionOutput, scratch.context, rows: tokens, into: scratch.hidden, residual: true)
        normalize(scratch.hidden, rows: tokens, layer.attentionNorm)
    }

    /// Dense to the intermediate size, GELU, dense back, residual and LayerNorm.
    private func feedForwardBlock(_ layer: MiniLMWeights.Layer, tokens: Int, scratch: EncoderScratch) {
        dense(layer.intermediate, scratch.hidden, rows: tokens, into: scratch.intermediate)
        GELU.apply(scratch.intermediate, count: tokens * architecture.intermediateSize)
        dense(layer.output, scratch.intermediate, rows: tokens, into: scratch.hidden, residual: true)
        normalize(scratch.hidden, rows: tokens, layer.outputNorm)
    }

    /// `output = input · Wᵀ + b`, or `output += input · Wᵀ + b` with `residual`.
    private func dense(
        _ layer: MiniLMWeights.Dense, _ input: UnsafePointer<Float>, rows: Int,
        into output: UnsafeMutablePointer<Float>, residual: Bool = false
    ) {
        let outputs = layer.outputs
        let bias = layer.bias.pointer
        for row in 0..<rows {
            let target = output + row * outputs
            if residual {
                for i in 0..<outputs { target[i] += bias[i] }
            } else {
                target.update(from: bias, count: outputs)
            }
        }
        MatrixProduct.multiplyAccumulating(
            input, rows: rows, inner: layer.inputs, transposed: layer.weight.pointer, columns: outputs, into: output)
    }

    private func normalize(_ rows: UnsafeMutablePointer<Float>, rows count: Int, _ norm: MiniLMWeights.Norm) {
        LayerNorm.apply(
            rows, count: count, width: architecture.hiddenSize, gamma: norm.gamma.pointer, beta: norm.beta.pointer,
            epsilon: architecture.layerNormEpsilon)
    }

    /// The mean of each sequence's token vectors, scaled to unit length.
    private func pool(_ sequences: [[Int32]], _ states: UnsafePointer<Float>) -> [[Float]] {
        let hidden = architecture.hiddenSize
        var row = 0
        return sequences.map { sequence in
            var vector = [Float](repeating: 0, count: hidden)
            for _ in sequence {
                for i in 0..<hidden { vector[i] += states[row * hidden + i] }
                row += 1
            }
            // Dividing by the token count would not change the direction; normalising does it all.
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let scale = norm > 0 ? 1 / norm : 0
            for i in 0..<hidden { vector[i] *= scale }
            return vector
        }
    }
}

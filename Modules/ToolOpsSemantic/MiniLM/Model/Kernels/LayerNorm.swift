/// Layer normalisation of each row in place: `(x − mean) / sqrt(variance + ε) · γ + β`.
enum LayerNorm {
    static func apply(
        _ rows: UnsafeMutablePointer<Float>, count: Int, width: Int,
        gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float
    ) {
        for row in 0..<count {
            let x = rows + row * width
            var sum: Float = 0
            for i in 0..<width { sum += x[i] }
            let mean = sum / Float(width)
            var squares: Float = 0
            for i in 0..<width {
                let centred = x[i] - mean
                squares += centred * centred
            }
            let scale = 1 / (squares / Float(width) + epsilon).squareRoot()
            for i in 0..<width { x[i] = (x[i] - mean) * scale * gamma[i] + beta[i] }
        }
    }
}

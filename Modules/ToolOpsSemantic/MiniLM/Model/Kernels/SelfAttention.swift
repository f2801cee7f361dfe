#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Scaled dot-product attention of one sequence, every head: `softmax(Q·Kᵀ/√d)·V`.
///
/// `query`, `key`, `value` and `context` are rows of `heads × headWidth` values, one per token of the
/// sequence; head `h` is columns `h·headWidth ..< (h+1)·headWidth`. Only the sequence's own tokens
/// are attended to, which is what padding plus an additive `-inf` mask computes, without the padding.
enum SelfAttention {
    static func apply(
        query: UnsafePointer<Float>, key: UnsafePointer<Float>, value: UnsafePointer<Float>,
        tokens: Int, heads: Int, headWidth: Int,
        scores: UnsafeMutablePointer<Float>, context: UnsafeMutablePointer<Float>
    ) {
        let width = heads * headWidth
        let scale = 1 / Float(headWidth).squareRoot()
        for head in 0..<heads {
            let offset = head * headWidth
            for i in 0..<tokens {
                let q = query + i * width + offset
                let row = scores + i * tokens
                var largest = -Float.infinity
                for j in 0..<tokens {
                    let k = key + j * width + offset
                    var dot: Float = 0
                    for d in 0..<headWidth { dot += q[d] * k[d] }
                    row[j] = dot * scale
                    largest = max(largest, row[j])
                }
                var total: Float = 0
                for j in 0..<tokens {
                    row[j] = expf(row[j] - largest)
                    total += row[j]
                }
                let out = context + i * width + offset
                for d in 0..<headWidth { out[d] = 0 }
                let inverse = 1 / total
                for j in 0..<tokens {
                    let weight = row[j] * inverse
                    let v = value + j * width + offset
                    for d in 0..<headWidth { out[d] += weight * v[d] }
                }
            }
        }
    }
}

/// The arithmetic every index shares: SIMD dot products and normalisation.
enum VectorMath {
    /// The dot product of `count` floats at `a` and `b`.
    ///
    /// Two 16-lane accumulators: two independent add chains in flight, and on a baseline x86-64
    /// build (SSE, 16 registers of 4 lanes) they leave registers for the loads; four spilled and
    /// ran slower. A 384-dimension vector is 12 rounds of 32; a tail is summed one by one.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        let left = UnsafeRawPointer(a)
        let right = UnsafeRawPointer(b)
        var sum0 = SIMD16<Float>()
        var sum1 = SIMD16<Float>()
        var index = 0
        while index + 32 <= count {
            let offset = index &* 4
            sum0 +=
                left.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                * right.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
            sum1 +=
                left.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self)
                * right.loadUnaligned(fromByteOffset: offset &+ 64, as: SIMD16<Float>.self)
            index &+= 32
        }
        if index + 16 <= count {
            let offset = index &* 4
            sum0 +=
                left.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                * right.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
            index &+= 16
        }
        var total = (sum0 + sum1).sum()
        while index < count {
            total += a[index] * b[index]
            index &+= 1
        }
        return total
    }

    /// `vector` scaled to length 1, after checking its length against `dimensions`.
    ///
    /// - Throws: ``VectorIndexError`` for a wrong length, a NaN or infinity, or a zero vector.
    static func normalized(_ vector: [Float], dimensions: Int, role: String) throws(VectorIndexError) -> [Float] {
        guard vector.count == dimensions else {
            throw .dimensionMismatch(expected: dimensions, given: vector.count, role: role)
        }
        guard vector.allSatisfy(\.isFinite) else {
            throw VectorIndexError(code: .nonFiniteValue, message: "\(role) holds a NaN or an infinity")
        }
        let squared = vector.withUnsafeBufferPointer { dot($0.baseAddress!, $0.baseAddress!, count: $0.count) }
        // A vector whose squared length underflows (or overflows) has no usable direction.
        guard squared.isNormal, squared.isFinite else {
            throw VectorIndexError(
                code: .zeroVector,
                message: "\(role) is a zero vector (or too small to normalise) and has no cosine similarity; "
                    + "skip it, e.g. treat the text as uncacheable")
        }
        let scale = 1 / squared.squareRoot()
        return vector.map { $0 * scale }
    }

    /// Cosine scores can drift a hair past ±1 in float arithmetic; matches report them clamped.
    @inline(__always)
    static func clampedScore(_ score: Float) -> Float {
        min(max(score, -1), 1)
    }
}

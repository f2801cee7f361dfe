#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The exact GELU BERT uses, `x · Φ(x) = x/2 · (1 + erf(x/√2))`, in place.
enum GELU {
    static func apply(_ values: UnsafeMutablePointer<Float>, count: Int) {
        let inverseRootTwo: Float = 0.707_106_781_186_547_5
        for i in 0..<count {
            let x = values[i]
            values[i] = 0.5 * x * (1 + erff(x * inverseRootTwo))
        }
    }
}

extension SafetensorsFile {
    /// Writes the little-endian values at `source` (of `dtype`) into `target` as `Float`.
    static func convert(
        _ source: UnsafeRawPointer, dtype: SafetensorsDType, into target: UnsafeMutableBufferPointer<Float>
    ) {
        for index in target.indices {
            switch dtype {
            case .float16:
                let bits = UInt16(littleEndian: source.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self))
                target[index] = Float(halfBits: bits)
            case .bfloat16:
                // BFloat16 is the top half of a Float32.
                let bits = UInt16(littleEndian: source.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self))
                target[index] = Float(bitPattern: UInt32(bits) << 16)
            default:
                let bits = UInt32(littleEndian: source.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                target[index] = Float(bitPattern: bits)
            }
        }
    }
}

extension Float {
    /// The value of an IEEE 754 binary16 bit pattern (exact: every half is a float).
    init(halfBits bits: UInt16) {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = Int(bits >> 10) & 0x1F
        let fraction = UInt32(bits & 0x03FF)
        switch exponent {
        case 0:
            // Zero or subnormal: fraction × 2^-24.
            let magnitude = Float(fraction) * 0x1p-24
            self = sign == 0 ? magnitude : -magnitude
        case 0x1F:
            self = Float(bitPattern: sign | 0x7F80_0000 | (fraction << 13))
        default:
            self = Float(bitPattern: sign | UInt32(exponent + 112) << 23 | (fraction << 13))
        }
    }
}

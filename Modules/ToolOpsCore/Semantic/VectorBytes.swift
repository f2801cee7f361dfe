/// Vectors as bytes, for semantic stores: each `Float` as its 4 bytes of IEEE 754 binary32,
/// little-endian, so every value (signed zeros, NaN payloads, subnormals) survives bit for bit on
/// any machine.
public enum VectorBytes {
    /// The vector's bytes.
    public static func bytes(_ vector: [Float]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(vector.count * 4)
        for value in vector {
            let bits = value.bitPattern
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> shift)) }
        }
        return bytes
    }

    /// The vector of `bytes`; `nil` when their count is not a multiple of 4.
    public static func vector(_ bytes: [UInt8]) -> [Float]? {
        guard bytes.count % 4 == 0 else { return nil }
        return stride(from: 0, to: bytes.count, by: 4).map { index in
            let bits =
                UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
                | UInt32(bytes[index + 3]) << 24
            return Float(bitPattern: bits)
        }
    }
}

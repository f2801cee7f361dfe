import Crypto

/// SHA-256 digests, as used for cache keys and hashed sensitive values.
public enum KeyDigest {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// The lowercase hexadecimal SHA-256 of `bytes`.
    public static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        let digest = SHA256.hash(data: Array(bytes))
        return String(unsafeUninitializedCapacity: 64) { buffer in
            var index = 0
            for byte in digest {
                buffer[index] = hex[Int(byte >> 4)]
                buffer[index + 1] = hex[Int(byte & 0x0F)]
                index += 2
            }
            return 64
        }
    }
}

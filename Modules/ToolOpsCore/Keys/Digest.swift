import Crypto

/// A SHA-256 digest as four 64-bit words: cheap to hash, compare and copy (no allocation).
public struct SHA256Digest: Sendable, Hashable, CustomStringConvertible {
    /// The digest's bytes in order, eight to a word, big-endian.
    public let words: (UInt64, UInt64, UInt64, UInt64)

    public init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// Parses 64 hexadecimal characters.
    public init?(hex: String) {
        let bytes = Array(hex.utf8)
        guard bytes.count == 64 else { return nil }
        var parsed: [UInt64] = []
        for wordIndex in 0..<4 {
            var word: UInt64 = 0
            for byte in bytes[(wordIndex * 16)..<(wordIndex * 16 + 16)] {
                guard let nibble = Self.nibble(byte) else { return nil }
                word = word << 4 | UInt64(nibble)
            }
            parsed.append(word)
        }
        words = (parsed[0], parsed[1], parsed[2], parsed[3])
    }

    /// The SHA-256 of `bytes`.
    public init(of bytes: [UInt8]) {
        self.init(SHA256.hash(data: bytes))
    }

    /// The SHA-256 of a slice of bytes.
    public init(of bytes: ArraySlice<UInt8>) {
        self.init(SHA256.hash(data: bytes))
    }

    private init(_ digest: SHA256.Digest) {
        words = digest.withUnsafeBytes { raw in
            (
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)),
                UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
            )
        }
    }

    public static func == (lhs: SHA256Digest, rhs: SHA256Digest) -> Bool {
        lhs.words == rhs.words
    }

    public func hash(into hasher: inout Hasher) {
        // The digest is already uniformly distributed; one word is plenty.
        hasher.combine(words.0)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// 64 lowercase hexadecimal characters.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            var index = 0
            for word in [words.0, words.1, words.2, words.3] {
                for shift in stride(from: 60, through: 0, by: -4) {
                    buffer[index] = Self.hexDigits[Int((word >> UInt64(shift)) & 0xF)]
                    index += 1
                }
            }
            return 64
        }
    }

    public var description: String { hex }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// SHA-256 digests as hexadecimal text, as used for hashed sensitive values and file names.
public enum KeyDigest {
    /// The lowercase hexadecimal SHA-256 of `bytes`.
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256Digest(of: bytes).hex
    }

    /// The lowercase hexadecimal SHA-256 of a slice of bytes.
    public static func sha256Hex(_ bytes: ArraySlice<UInt8>) -> String {
        SHA256Digest(of: bytes).hex
    }
}

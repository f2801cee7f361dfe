extension MemoryCache {
    /// Salts every key hash, so which digests share a shard or a probe run differs from process
    /// to process.
    private static let hashSeed = UInt64.random(in: .min ... .max)

    /// The hash of a key, computed once per operation: its high bits pick the shard, its low bits
    /// probe the shard's table.
    ///
    /// A cheap word-at-a-time hash of every byte of the digest, salted per process, with a
    /// strong final mix. Real digests are SHA-256 hex, uniform everywhere; keys made by hand
    /// (`"user-1"`, `"user-2"`) differ only at the end, so every byte counts. Evenness matters:
    /// each shard has a fixed share of the bounds.
    @inline(__always)
    static func keyHash(_ digest: String) -> UInt64 {
        let seed = hashSeed
        let hashed = digest.utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
            var state = seed ^ UInt64(truncatingIfNeeded: bytes.count)
            guard let base = bytes.baseAddress else { return mix(state) }
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= bytes.count {
                state =
                    (rotate(state) ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                    &* 0x517C_C1B7_2722_0A95
                offset += 8
            }
            if offset < bytes.count {
                var tail: UInt64 = 0
                while offset < bytes.count {
                    tail = tail << 8 | UInt64(bytes[offset])
                    offset += 1
                }
                state = (rotate(state) ^ tail) &* 0x517C_C1B7_2722_0A95
            }
            return mix(state)
        }
        if let hashed { return hashed }
        var hasher = Hasher()
        hasher.combine(digest)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    @inline(__always)
    private static func rotate(_ value: UInt64) -> UInt64 { value << 5 | value >> 59 }

    /// The SplitMix64 finaliser: every input bit affects every output bit.
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension MemoryCache {
    /// A cheap, well-mixed hash of a key's digest that picks its shard.
    ///
    /// Real digests are SHA-256 hex, uniform in every byte, but keys made by hand (`"user-1"`,
    /// `"user-2"`) differ only at the end; mixing the first and last eight bytes and the length
    /// spreads both kinds evenly. Evenness matters: each shard has a fixed share of the bounds.
    @inline(__always)
    static func shardHash(_ digest: String) -> UInt64 {
        let hashed = digest.utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
            let count = bytes.count
            var first: UInt64 = 0
            var last: UInt64 = 0
            if count >= 8, let base = bytes.baseAddress {
                first = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
                last = UnsafeRawPointer(base + (count - 8)).loadUnaligned(as: UInt64.self)
            } else {
                for byte in bytes { first = first << 8 | UInt64(byte) }
            }
            return mix(first ^ mix(last ^ UInt64(count)))
        }
        if let hashed { return hashed }
        var hasher = Hasher()
        hasher.combine(digest)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }

    /// The SplitMix64 finaliser: every input bit affects every output bit.
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

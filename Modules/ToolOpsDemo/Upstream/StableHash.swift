/// A hash that is the same in every process (Swift's `Hasher` is seeded per process): FNV-1a
/// over the parts, finished with SplitMix64's mixer.
///
/// The demo decides failures and latencies with it, from the seed and what a call is about —
/// never from the order calls arrive in — so concurrency cannot change a run's outcome.
enum StableHash {
    /// A 64-bit hash of `seed` and `parts`.
    static func value(seed: UInt64, _ parts: [String]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ mix(seed)
        for part in parts {
            for byte in part.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        return mix(hash)
    }

    /// A value in `0..<1` from `seed` and `parts`.
    static func unit(seed: UInt64, _ parts: [String]) -> Double {
        Double(value(seed: seed, parts) >> 11) * 0x1.0p-53
    }

    /// SplitMix64's finaliser: spreads every input bit over the whole word.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 64-bit FNV-1a, for feature hashing: stable across processes and platforms, unlike `Hasher`,
/// which is seeded per process — vectors persisted by one process must match another's.
struct FeatureHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init(tag: UInt8) { mix(tag) }

    mutating func mix(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func mix(_ text: Substring) {
        for byte in text.utf8 { mix(byte) }
    }

    mutating func mix(_ text: String) {
        for byte in text.utf8 { mix(byte) }
    }

    /// The final value, with the bits spread so that both the bucket (low bits) and the sign (top
    /// bit) depend on every input byte.
    var finalized: UInt64 {
        var mixed = value
        mixed ^= mixed >> 33
        mixed &*= 0xff51_afd7_ed55_8ccd
        mixed ^= mixed >> 33
        return mixed
    }
}

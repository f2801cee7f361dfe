import Synchronization
import ToolOpsCore

/// A reproducible random source (SplitMix64) for jitter in tests and simulations.
public final class SeededRandom: RandomSource {
    private let state: Mutex<UInt64>

    public init(seed: UInt64) {
        state = Mutex(seed)
    }

    public func nextUnit() -> Double {
        Double(nextUInt64() >> 11) * 0x1.0p-53
    }

    /// The next 64 random bits.
    public func nextUInt64() -> UInt64 {
        state.withLock { value in
            value &+= 0x9E37_79B9_7F4A_7C15
            var z = value
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

/// A random source that always returns the same value; pins jitter to a known point.
public struct FixedRandom: RandomSource {
    /// The value returned, in `0..<1`.
    public let value: Double

    public init(_ value: Double) {
        self.value = value
    }

    public func nextUnit() -> Double { value }
}

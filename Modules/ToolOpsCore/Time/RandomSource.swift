/// The source of randomness for jitter and sampling.
///
/// Inject a seeded source (`SeededRandom` in ToolOpsTesting) to make retry delays reproducible.
public protocol RandomSource: Sendable {
    /// A uniformly distributed value in `0..<1`.
    func nextUnit() -> Double
}

/// Randomness from the system's generator.
public struct SystemRandom: RandomSource {
    public init() {}

    public func nextUnit() -> Double {
        Double.random(in: 0..<1)
    }
}

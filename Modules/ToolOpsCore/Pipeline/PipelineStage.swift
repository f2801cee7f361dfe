/// Where a middleware sits in a tool's pipeline; lower stages run first (outermost).
///
/// The built-in order is the one every behaviour of ToolOps relies on:
///
/// ```
/// cacheLookup → fallback → coalesce → cacheFill → admission → retry → breaker → (attemptSpan) → timeout → body
/// ```
///
/// A fresh hit returns from `cacheLookup` before anything else runs; a miss joins or starts a
/// single flight; the flight's leader writes the cache once (`cacheFill`, which also serves stale
/// values when the live path fails); every retry attempt passes the breaker and its own timeout.
/// Pick any value in between to insert a middleware of your own (`PipelineStage(rawValue: 650)`).
public struct PipelineStage: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Answers fresh hits from the cache.
    public static let cacheLookup = PipelineStage(rawValue: 200)
    /// Replaces a failure with a fallback value.
    public static let fallback = PipelineStage(rawValue: 300)
    /// Joins identical calls in flight.
    public static let coalesce = PipelineStage(rawValue: 400)
    /// Stores results; serves stale values on error.
    public static let cacheFill = PipelineStage(rawValue: 500)
    /// Bulkhead and rate limiting.
    public static let admission = PipelineStage(rawValue: 600)
    /// The retry loop.
    public static let retry = PipelineStage(rawValue: 700)
    /// The circuit breaker, once per attempt.
    public static let breaker = PipelineStage(rawValue: 800)
    /// The span of one attempt, when the tool is traced (added by the tool itself).
    public static let attemptSpan = PipelineStage(rawValue: 850)
    /// The timeout, once per attempt.
    public static let timeout = PipelineStage(rawValue: 900)

    public static func < (lhs: PipelineStage, rhs: PipelineStage) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .cacheLookup: "cacheLookup"
        case .fallback: "fallback"
        case .coalesce: "coalesce"
        case .cacheFill: "cacheFill"
        case .admission: "admission"
        case .retry: "retry"
        case .breaker: "breaker"
        case .attemptSpan: "attemptSpan"
        case .timeout: "timeout"
        default: "stage(\(rawValue))"
        }
    }
}

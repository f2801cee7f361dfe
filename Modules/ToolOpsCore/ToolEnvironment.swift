/// The services a tool's pipeline runs with: time, randomness, the observer of its events and tracing.
///
/// ```swift
/// let environment = ToolEnvironment(clock: ManualClock(), observer: recorder)
/// ```
public struct ToolEnvironment: Sendable {
    /// Where time comes from; every wait, timeout and expiry uses it.
    public var clock: any ToolClock
    /// Where jitter comes from.
    public var random: any RandomSource
    /// Receives every event of every call.
    public var observer: any ToolObserver
    /// Runs calls and attempts inside spans; `nil` (the default) traces nothing.
    public var tracing: (any ToolTracing)?

    public init(
        clock: any ToolClock = SystemClock(),
        random: any RandomSource = SystemRandom(),
        observer: any ToolObserver = NoOpObserver(),
        tracing: (any ToolTracing)? = nil
    ) {
        self.clock = clock
        self.random = random
        self.observer = observer
        self.tracing = tracing
    }

    /// The real clock, system randomness and no observer.
    public static var system: ToolEnvironment { ToolEnvironment() }
}

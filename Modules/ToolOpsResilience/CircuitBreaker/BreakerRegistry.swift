import Synchronization
import ToolOpsCore

/// The circuit breakers of many tools, one per tool identity.
///
/// Asking twice for the same ``ToolID`` returns the same breaker, so every pipeline built for a
/// tool shares its failure counts, while two tools — even with the same body — never share one.
/// The registry is what a CLI or health endpoint reads to show breaker states and resets.
///
/// ```swift
/// let breakers = BreakerRegistry()
/// let breaker = breakers.breaker(for: ToolID(name: "get_weather"))
/// breakers.states        // [get_weather@1: .closed]
/// breakers.reset(nil)    // close every circuit
/// ```
public final class BreakerRegistry: Sendable {
    private let breakers = Mutex<[ToolID: CircuitBreaker]>([:])

    /// Creates an empty registry.
    public init() {}

    /// The breaker of `tool`, created with `configuration` on first use.
    ///
    /// Later calls for the same tool return the existing breaker and ignore `configuration`.
    public func breaker(for tool: ToolID, configuration: CircuitBreaker.Configuration = .init()) -> CircuitBreaker {
        breakers.withLock { breakers in
            if let existing = breakers[tool] { return existing }
            let breaker = CircuitBreaker(configuration: configuration)
            breakers[tool] = breaker
            return breaker
        }
    }

    /// The breaker of `tool`, if one was created.
    public func existingBreaker(for tool: ToolID) -> CircuitBreaker? {
        breakers.withLock { $0[tool] }
    }

    /// The state of every breaker, by tool.
    public var states: [ToolID: BreakerState] {
        snapshot().mapValues(\.state)
    }

    /// The statistics of every breaker, by tool.
    public var statistics: [ToolID: CircuitBreaker.Statistics] {
        snapshot().mapValues(\.statistics)
    }

    /// Closes the circuit of `tool` by hand, or of every tool when `tool` is `nil`.
    ///
    /// - Returns: how many breakers changed state.
    @discardableResult
    public func reset(_ tool: ToolID? = nil) -> Int {
        let targets = tool.map { id in snapshot().filter { $0.key == id } } ?? snapshot()
        return targets.values.reduce(0) { count, breaker in count + (breaker.reset() == nil ? 0 : 1) }
    }

    // Read the breakers outside the registry's lock: each breaker takes its own.
    private func snapshot() -> [ToolID: CircuitBreaker] {
        breakers.withLock { $0 }
    }
}

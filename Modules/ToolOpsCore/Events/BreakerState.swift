/// The state of a circuit breaker.
public enum BreakerState: String, Sendable, Hashable, Codable {
    /// Calls flow; failures are counted.
    case closed
    /// Calls fail fast with `circuitOpen` until the recovery time has passed.
    case open
    /// A limited number of probe calls are let through to test whether the upstream recovered.
    case halfOpen
}

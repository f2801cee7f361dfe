import ToolOpsCore
import ToolOpsResilience

/// Every option of a side-effect tool, with production defaults.
///
/// There is no cache or coalescing option here: a side-effect tool can never be cached or
/// coalesced, and that is checked by the compiler. Retries apply only when the tool is declared
/// idempotent or a call carries an idempotency key.
///
/// ```swift
/// SideEffectOptions(retries: 2, timeout: .seconds(10))
/// ```
public struct SideEffectOptions: Sendable {
    /// Retries after the first attempt, for idempotent tools or calls with an idempotency key. Default 3.
    public var retries: Int
    /// Backoff, jitter and deadline of the retries; its `maxAttempts` is replaced by `retries + 1`.
    public var retryPolicy: RetryPolicy
    /// Per-attempt timeout; `nil` for none. Default 30 s.
    public var timeout: Duration?
    /// Whether a circuit breaker guards the tool. Default on.
    public var circuitBreaker: Bool
    /// Consecutive failures that open the circuit. Default 5.
    public var circuitThreshold: Int
    /// How long the circuit stays open before a probe. Default 30 s.
    public var circuitRecovery: Duration
    /// Full breaker configuration; when set, wins over `circuitThreshold`/`circuitRecovery`.
    public var breakerConfiguration: CircuitBreaker.Configuration?
    /// Maximum concurrent calls, with a bounded queue; `nil` for no limit.
    public var bulkhead: Bulkhead.Configuration?
    /// Token-bucket rate limit; `nil` for none.
    public var rateLimit: TokenBucket.Configuration?

    public init(
        retries: Int = 3,
        retryPolicy: RetryPolicy = RetryPolicy(),
        timeout: Duration? = .seconds(30),
        circuitBreaker: Bool = true,
        circuitThreshold: Int = 5,
        circuitRecovery: Duration = .seconds(30),
        breakerConfiguration: CircuitBreaker.Configuration? = nil,
        bulkhead: Bulkhead.Configuration? = nil,
        rateLimit: TokenBucket.Configuration? = nil
    ) {
        self.retries = retries
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.circuitBreaker = circuitBreaker
        self.circuitThreshold = circuitThreshold
        self.circuitRecovery = circuitRecovery
        self.breakerConfiguration = breakerConfiguration
        self.bulkhead = bulkhead
        self.rateLimit = rateLimit
    }
}

/// The resilience options both kinds of tool declare.
protocol ResilienceFields {
    var retries: Int { get }
    var retryPolicy: RetryPolicy { get }
    var timeout: Duration? { get }
    var circuitBreaker: Bool { get }
    var circuitThreshold: Int { get }
    var circuitRecovery: Duration { get }
    var breakerConfiguration: CircuitBreaker.Configuration? { get }
    var bulkhead: Bulkhead.Configuration? { get }
    var rateLimit: TokenBucket.Configuration? { get }
}

extension ResilienceFields {
    var resilience: ResilienceOptions {
        ResilienceOptions(
            retries: retries,
            retryPolicy: retryPolicy,
            timeout: timeout,
            circuitBreaker: circuitBreaker,
            circuitThreshold: circuitThreshold,
            circuitRecovery: circuitRecovery,
            breakerConfiguration: breakerConfiguration,
            bulkhead: bulkhead,
            rateLimit: rateLimit
        )
    }
}

extension ReadOnlyOptions: ResilienceFields {}
extension SideEffectOptions: ResilienceFields {}

/// The options both kinds of tool share, in one place for the pipeline builder.
struct ResilienceOptions {
    var retries: Int
    var retryPolicy: RetryPolicy
    var timeout: Duration?
    var circuitBreaker: Bool
    var circuitThreshold: Int
    var circuitRecovery: Duration
    var breakerConfiguration: CircuitBreaker.Configuration?
    var bulkhead: Bulkhead.Configuration?
    var rateLimit: TokenBucket.Configuration?

    func validate(tool: String) throws {
        guard retries >= 0 else {
            throw ToolError.misconfigured("retries must be 0 or more, got \(retries)", tool: tool, field: "retries")
        }
        if let timeout, timeout <= .zero {
            throw ToolError.misconfigured("timeout must be positive, got \(timeout)", tool: tool, field: "timeout")
        }
        guard circuitThreshold >= 1 else {
            throw ToolError.misconfigured(
                "circuitThreshold must be at least 1, got \(circuitThreshold)",
                tool: tool,
                field: "circuitThreshold"
            )
        }
        guard circuitRecovery > .zero else {
            throw ToolError.misconfigured(
                "circuitRecovery must be positive, got \(circuitRecovery)",
                tool: tool,
                field: "circuitRecovery"
            )
        }
    }
}

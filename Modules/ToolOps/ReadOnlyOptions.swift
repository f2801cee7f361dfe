import ToolOpsCache
import ToolOpsCore
import ToolOpsResilience
import ToolOpsSemantic

/// Every option of a read-only tool, with production defaults.
///
/// The counterpart of the Python reference's `@readonly(...)` keyword arguments; the README's
/// defaults table lists each one.
///
/// ```swift
/// ReadOnlyOptions(cache: "file", ttl: .seconds(600), staleIfError: true, retries: 2, tags: ["crm"])
/// ```
public struct ReadOnlyOptions: Sendable {
    /// Which store caches results. Default: the runtime's default store (memory).
    public var cache: CacheBackend
    /// How long a result stays fresh. Default 3600 s.
    public var ttl: Duration
    /// Serve an expired result when the live call fails or the circuit is open. Default off.
    public var staleIfError: Bool
    /// How long past its TTL a result may be served on error. Default 24 h.
    public var staleTTL: Duration
    /// Tags stored with results, for invalidation.
    public var tags: [String]
    /// Cache `null`/empty results too. Default off.
    public var cacheEmptyResults: Bool
    /// Retries after the first attempt. Default 3.
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
    /// Join identical concurrent calls. Default on.
    public var coalesce: Bool
    /// Maximum concurrent calls, with a bounded queue; `nil` for no limit. Default none.
    public var bulkhead: Bulkhead.Configuration?
    /// Token-bucket rate limit; `nil` for none. Default none.
    public var rateLimit: TokenBucket.Configuration?
    /// Semantic caching: answer a question asked before in other words; the TTL, stale-if-error
    /// window and tags above apply to it too. Default none.
    public var semantic: SemanticCaching?

    public init(
        cache: CacheBackend = .default,
        ttl: Duration = .seconds(3600),
        staleIfError: Bool = false,
        staleTTL: Duration = .seconds(86_400),
        tags: [String] = [],
        cacheEmptyResults: Bool = false,
        retries: Int = 3,
        retryPolicy: RetryPolicy = RetryPolicy(),
        timeout: Duration? = .seconds(30),
        circuitBreaker: Bool = true,
        circuitThreshold: Int = 5,
        circuitRecovery: Duration = .seconds(30),
        breakerConfiguration: CircuitBreaker.Configuration? = nil,
        coalesce: Bool = true,
        bulkhead: Bulkhead.Configuration? = nil,
        rateLimit: TokenBucket.Configuration? = nil,
        semantic: SemanticCaching? = nil
    ) {
        self.cache = cache
        self.ttl = ttl
        self.staleIfError = staleIfError
        self.staleTTL = staleTTL
        self.tags = tags
        self.cacheEmptyResults = cacheEmptyResults
        self.retries = retries
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.circuitBreaker = circuitBreaker
        self.circuitThreshold = circuitThreshold
        self.circuitRecovery = circuitRecovery
        self.breakerConfiguration = breakerConfiguration
        self.coalesce = coalesce
        self.bulkhead = bulkhead
        self.rateLimit = rateLimit
        self.semantic = semantic
    }

    var cacheSettings: CacheSettings {
        CacheSettings(
            ttl: ttl,
            staleIfError: staleIfError,
            staleTTL: staleTTL,
            tags: tags,
            cacheEmptyResults: cacheEmptyResults
        )
    }

    var semanticSettings: SemanticCacheSettings? {
        semantic.map { semantic in
            SemanticCacheSettings(
                textField: semantic.textField, threshold: semantic.threshold, ttl: ttl, staleIfError: staleIfError,
                staleTTL: staleTTL, tags: tags, cacheEmptyResults: cacheEmptyResults)
        }
    }
}

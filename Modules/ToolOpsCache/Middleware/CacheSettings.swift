import ToolOpsCore

/// How a read-only tool uses its cache.
///
/// ```swift
/// CacheSettings(ttl: .seconds(600), staleIfError: true, tags: ["weather"])
/// ```
public struct CacheSettings: Sendable, Hashable {
    /// How long a result is fresh. Default 3600 s.
    public var ttl: Duration
    /// Whether an expired result may be served when the live call fails or the breaker is open.
    /// Default off.
    public var staleIfError: Bool
    /// How long after ``ttl`` an expired result may still be served on error. Default 24 h; used
    /// only when ``staleIfError`` is on.
    public var staleTTL: Duration
    /// Tags stored with every result, for invalidation by tag.
    public var tags: [String]
    /// Whether empty results (`null`, `""`, `[]`, `{}`) are cached. Default off, so a transient
    /// empty answer is not pinned for a whole TTL.
    public var cacheEmptyResults: Bool

    public init(
        ttl: Duration = .seconds(3600),
        staleIfError: Bool = false,
        staleTTL: Duration = .seconds(86_400),
        tags: [String] = [],
        cacheEmptyResults: Bool = false
    ) {
        self.ttl = ttl
        self.staleIfError = staleIfError
        self.staleTTL = staleTTL
        self.tags = tags
        self.cacheEmptyResults = cacheEmptyResults
    }

    /// Checks the settings, throwing ``ToolError`` (`misconfigured`) naming the bad field.
    public func validate(tool: String) throws {
        guard ttl > .zero else {
            throw ToolError.misconfigured("cache ttl must be positive, got \(ttl)", tool: tool, field: "ttl")
        }
        guard staleTTL >= .zero else {
            throw ToolError.misconfigured(
                "staleTTL must not be negative, got \(staleTTL)", tool: tool, field: "staleTTL")
        }
    }
}

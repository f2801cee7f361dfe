/// A cached tool result with its freshness.
///
/// An entry is *fresh* until ``freshUntil``, then *stale* until ``staleUntil`` — servable only
/// when the live call fails — and then *expired*: no store returns it any more.
public struct CacheEntry: Sendable {
    /// The result as canonical JSON bytes.
    public var payload: [UInt8]
    /// The tool that produced it.
    public var tool: ToolID
    /// Tags for invalidation.
    public var tags: [String]
    /// When it was stored.
    public var storedAt: Timestamp
    /// The end of its freshness.
    public var freshUntil: Timestamp
    /// The end of its stale-if-error window (never before ``freshUntil``).
    public var staleUntil: Timestamp
    /// The decoded value, kept by in-process stores to skip decoding on a hit. Never persisted,
    /// and only set for value types, so a caller cannot mutate a cached value through it.
    public var decoded: (any Sendable)?

    public init(
        payload: [UInt8],
        tool: ToolID,
        tags: [String] = [],
        storedAt: Timestamp,
        freshUntil: Timestamp,
        staleUntil: Timestamp,
        decoded: (any Sendable)? = nil
    ) {
        self.payload = payload
        self.tool = tool
        self.tags = tags
        self.storedAt = storedAt
        self.freshUntil = freshUntil
        self.staleUntil = max(staleUntil, freshUntil)
        self.decoded = decoded
    }

    /// How usable an entry is at a given time.
    public enum Freshness: Sendable, Hashable {
        case fresh, stale, expired
    }

    /// The entry's freshness at `now`.
    public func freshness(at now: Timestamp) -> Freshness {
        if now < freshUntil { return .fresh }
        if now < staleUntil { return .stale }
        return .expired
    }

    /// The size the entry counts for in a store's byte bound.
    public var cost: Int { payload.count + tags.reduce(0) { $0 + $1.utf8.count } + 160 }
}

/// A place to keep tool results: memory, files, PostgreSQL.
///
/// Every store bounds its size and drops expired entries (those past ``CacheEntry/staleUntil``);
/// none grows without limit. Stores never see argument values, only keys.
///
/// Errors a store throws at run time (down, corrupt entry) do not fail the call: the cache stage
/// reports them as a `cacheError` event and goes on to the upstream.
public protocol CacheStore: Sendable {
    /// The entry for `key` if it is fresh or stale; `nil` when absent or expired.
    func entry(for key: CallKey) async throws -> CacheEntry?

    /// Stores `entry` under `key`, replacing any previous one.
    func store(_ entry: CacheEntry, for key: CallKey) async throws

    /// Removes the entry for `key`; returns whether there was one.
    @discardableResult
    func removeEntry(for key: CallKey) async throws -> Bool

    /// Removes every entry in `scope`; returns how many were removed.
    @discardableResult
    func invalidate(_ scope: CacheScope) async throws -> Int

    /// Removes expired entries now; returns how many were removed.
    @discardableResult
    func sweep() async throws -> Int

    /// Counters and sizes.
    func statistics() async throws -> CacheStatistics

    /// How processes sharing this store agree on who fills a missing key; `nil` (the default)
    /// for stores private to one process.
    var fillCoordinator: (any CacheFillCoordinator)? { get }
}

/// Which entries an invalidation removes.
public enum CacheScope: Sendable, Hashable {
    /// Everything this store owns (its namespace only).
    case all
    /// Every version of the tool with this name.
    case tool(String)
    /// Every entry carrying this tag.
    case tag(String)
}

/// What a store holds and how it has been used.
public struct CacheStatistics: Sendable, Hashable, Codable {
    /// Entries held now.
    public var entries: Int
    /// Bytes held now, as counted against the store's bound.
    public var bytes: Int
    /// Lookups that found an entry.
    public var hits: Int
    /// Lookups that found nothing usable.
    public var misses: Int
    /// Entries written.
    public var writes: Int
    /// Entries dropped to stay within bounds.
    public var evictions: Int
    /// Entries dropped because they expired.
    public var expirations: Int

    public init(
        entries: Int = 0,
        bytes: Int = 0,
        hits: Int = 0,
        misses: Int = 0,
        writes: Int = 0,
        evictions: Int = 0,
        expirations: Int = 0
    ) {
        self.entries = entries
        self.bytes = bytes
        self.hits = hits
        self.misses = misses
        self.writes = writes
        self.evictions = evictions
        self.expirations = expirations
    }

    /// hits / (hits + misses), or 0 before any lookup.
    public var hitRate: Double {
        hits + misses == 0 ? 0 : Double(hits) / Double(hits + misses)
    }
}

/// A store failure: the reason a lookup or write did not happen.
public struct CacheStoreError: Error, Sendable, CustomStringConvertible {
    /// The store's name or kind.
    public let store: String
    /// What went wrong and, where it helps, what to do.
    public let message: String

    public init(store: String, message: String) {
        self.store = store
        self.message = message
    }

    public var description: String { "cache store '\(store)': \(message)" }
}

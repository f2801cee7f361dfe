import ToolOps

/// What `toolops stats` shows: per store, then per tool within each store.
///
/// Counters (hits, misses, writes, …) are the store's own: a file or memory store counts what
/// this process did, a PostgreSQL store what every process sharing its namespace did. `nil`
/// means not known for this store.
struct StatsReport: Sendable, Hashable, Encodable {
    /// Every store asked for, in configuration order.
    var stores: [StoreFigures]
}

/// One store's figures.
struct StoreFigures: Sendable, Hashable, Encodable {
    /// The store's name.
    var store: String
    /// `memory`, `file`, `postgres`, …
    var kind: String
    /// A folder or `host:port/database`.
    var location: String?
    /// The namespace it keeps its entries in.
    var namespace: String?
    var entries: Int
    var bytes: Int
    var hits: Int
    var misses: Int
    var writes: Int
    var evictions: Int
    var expirations: Int
    /// hits / (hits + misses); `nil` before any lookup.
    var hitRate: Double?
    /// Stale results served by the app's tools using this store; known only when the app mounted
    /// the commands with its statistics.
    var staleServes: Int?
    /// Per-tool figures, most entries first; empty when the store keeps none (memory).
    var tools: [ToolFigures]

    init(summary: StoreSummary, statistics: CacheStatistics, staleServes: Int?, tools: [ToolFigures]) {
        store = summary.name
        kind = summary.kind
        location = summary.location
        namespace = summary.namespace
        entries = statistics.entries
        bytes = statistics.bytes
        hits = statistics.hits
        misses = statistics.misses
        writes = statistics.writes
        evictions = statistics.evictions
        expirations = statistics.expirations
        hitRate = statistics.hits + statistics.misses == 0 ? nil : statistics.hitRate
        self.staleServes = staleServes
        self.tools = tools
    }
}

/// One tool's figures in one store.
struct ToolFigures: Sendable, Hashable, Encodable {
    /// The tool's name (all versions together).
    var tool: String
    var entries: Int
    var bytes: Int
    /// Known for PostgreSQL stores, which count per tool.
    var hits: Int?
    var misses: Int?
    var hitRate: Double?
    /// Known when the app mounted the commands with its statistics.
    var staleServes: Int?
}

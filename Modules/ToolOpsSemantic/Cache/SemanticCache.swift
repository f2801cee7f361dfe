import Synchronization
import ToolOpsCore

/// Answers a tool's question from an earlier answer to a question that means the same.
///
/// A match requires the same tool and version, equal other arguments, the same namespace,
/// similarity of the texts ≥ the tool's threshold, the answer still fresh (or, for
/// stale-if-error, inside its stale window), and no objection from the ``NearMissGuards`` —
/// "invoice 442" never answers "invoice 443". An exact text match (trimmed, case-folded) is
/// answered without embedding. Vectors live in memory, one ``VectorIndex`` per partition; with a
/// ``SemanticStore`` answers survive restarts and reach other processes, whose changes this cache
/// reads at most every ``Configuration/syncInterval``.
///
/// Tools use it through ``SemanticCacheMiddleware`` (or `ReadOnlyOptions(semantic:)` in the
/// `ToolOps` umbrella); ``lookup(_:)`` and ``store(_:vector:value:settings:)`` are the same
/// operations for other callers.
///
/// ```swift
/// let cache = SemanticCache(embedder: HashingEmbedder())
/// let ask = SemanticQuery(tool: ToolID(name: "invoice_status"), text: "is invoice 442 paid?", threshold: 0.75)
/// let found = try await cache.lookup(ask)
/// ```
public final class SemanticCache: Sendable {
    /// Turns texts into vectors: the embedder given, wrapped in a ``CachingEmbedder`` unless it
    /// memoises by itself or ``Configuration/embeddingMemo`` is 0.
    public let embedder: any Embedder
    /// Where answers persist, if anywhere.
    public let store: (any SemanticStore)?
    /// Bounds, guards, namespace and synchronisation.
    public let configuration: Configuration
    let clock: any ToolClock
    let guards: NearMissGuards
    let state = Mutex(SemanticCacheState())
    let synchronizer: StoreSynchronizer

    /// A cache over `embedder`, persisted in `store` when given; time from `clock`.
    public init(
        embedder: any Embedder, store: (any SemanticStore)? = nil, configuration: Configuration = Configuration(),
        clock: any ToolClock = SystemClock()
    ) {
        if embedder is any MemoizingEmbedder || configuration.embeddingMemo == 0 {
            self.embedder = embedder
        } else {
            self.embedder = Self.memoized(embedder, capacity: configuration.embeddingMemo)
        }
        self.store = store
        self.configuration = configuration
        self.clock = clock
        self.guards = NearMissGuards(configuration: configuration.guards)
        self.synchronizer = StoreSynchronizer()
    }

    // A generic function opens the existential; `CachingEmbedder(embedder)` alone cannot.
    private static func memoized<Base: Embedder>(_ base: Base, capacity: Int) -> any Embedder {
        CachingEmbedder(base, capacity: capacity)
    }

    /// The figures so far.
    public func statistics() -> SemanticCacheStatistics {
        state.withLock { state in
            var statistics = state.statistics
            statistics.entries = state.answers.count
            return statistics
        }
    }

    /// The partition of a query: namespace, tool, embedder and the canonical other arguments.
    func partition(of query: SemanticQuery) -> String {
        var material: [UInt8] = Array("toolops.semantic.v1\u{0}".utf8)
        for part in [configuration.namespace, query.tool.name, query.tool.version, embedder.identifier] {
            material.append(contentsOf: part.utf8)
            material.append(0)
        }
        query.context.writeCanonical(into: &material)
        return SHA256Digest(of: material).hex
    }

    /// Texts equal after trimming, collapsing white space and case folding match exactly.
    static func exactKey(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func makeIndex() throws(VectorIndexError) -> VectorIndex {
        try VectorIndex(dimensions: embedder.dimensions, configuration: configuration.index)
    }

    /// A random record id from the system generator — never an injected, possibly seeded source:
    /// two processes seeded alike would mint the same ids and overwrite each other's answers.
    static func newID() -> UInt64 {
        UInt64.random(in: 1...UInt64.max)
    }
}

import Synchronization
import ToolOpsCore

/// Named cache stores, one of them the default: how tools pick where their results go.
///
/// A store is registered either as an instance or as a factory that builds it on first use
/// (once, even when many tasks ask at the same moment; a factory that throws is tried again next
/// time). Asking for a name that is not registered is a configuration error, raised when the
/// tool is built rather than discovered as a silently uncached tool.
///
/// ```swift
/// let registry = CacheStoreRegistry.standard()
/// registry.register("shared", factory: { try PostgresCache(url: databaseURL) })
/// registry.defaultStoreName = "file"
/// let store = try registry.store()              // the file store
/// let memory = try registry.store(named: "memory")
/// ```
public final class CacheStoreRegistry: Sendable {
    private struct State {
        var stores: [String: LazyCacheStore] = [:]
        var defaultStoreName = "memory"
    }

    private let state = Mutex(State())

    /// An empty registry whose default store name is `"memory"`.
    public init() {}

    /// Registers `store` under `name`, replacing any store registered under it before.
    public func register(_ name: String, _ store: any CacheStore) {
        state.withLock { $0.stores[name] = LazyCacheStore(store) }
    }

    /// Registers a store under `name` that `factory` builds on the first ``store(named:)`` asking
    /// for it, replacing any store registered under the name before.
    ///
    /// The factory runs at most once successfully. It may ask the registry for *other* stores
    /// (to layer one over another), but not for its own name.
    public func register(_ name: String, factory: @escaping @Sendable () throws -> any CacheStore) {
        state.withLock { $0.stores[name] = LazyCacheStore(factory: factory) }
    }

    /// The name ``store(named:)`` uses when given none. Default `"memory"`.
    ///
    /// Setting a name that is not registered is allowed (it may be registered later); asking for
    /// the default store while it is still missing throws.
    public var defaultStoreName: String {
        get { state.withLock { $0.defaultStoreName } }
        set { state.withLock { $0.defaultStoreName = newValue } }
    }

    /// The registered names, sorted.
    public var names: [String] {
        state.withLock { $0.stores.keys.sorted() }
    }

    /// The store registered under `name`, or the default store when `name` is `nil`, building it
    /// first if it was registered with a factory.
    ///
    /// - Throws: `ToolError` with code `misconfigured` naming the store and listing the registered
    ///   names when `name` is not registered; whatever the store's factory throws.
    public func store(named name: String? = nil) throws -> any CacheStore {
        let (resolved, slot, known) = state.withLock { state in
            let resolved = name ?? state.defaultStoreName
            return (resolved, state.stores[resolved], state.stores.keys.sorted())
        }
        guard let slot else {
            let list = known.isEmpty ? "none" : known.map { "'\($0)'" }.joined(separator: ", ")
            let hint = NameSuggestion.closest(to: resolved, among: known).map { "did you mean '\($0)'? " } ?? ""
            throw ToolError.misconfigured(
                "cache store '\(resolved)' is not registered (registered stores: \(list)); \(hint)"
                    + "register it before building the tool, or use one of those names",
                field: "store"
            )
        }
        // Built outside the registry's lock, so a factory may look up other stores.
        return try slot.resolve()
    }

    /// The stores built so far, sorted by name: those registered as instances and those whose
    /// factory has run. A store registered with a factory that nobody asked for is left out, and
    /// not built.
    ///
    /// For shutting down what a process actually opened:
    ///
    /// ```swift
    /// for (_, store) in registry.builtStores() {
    ///     await (store as? PostgresCache)?.shutdown()
    /// }
    /// ```
    public func builtStores() -> [(name: String, store: any CacheStore)] {
        let slots = state.withLock { $0.stores.sorted { $0.key < $1.key } }
        return slots.compactMap { name, slot in slot.current.map { (name, $0) } }
    }
}

/// A registered store: ready, or a factory that builds it once on first use.
private final class LazyCacheStore: Sendable {
    private let factory: (@Sendable () throws -> any CacheStore)?
    private let built: Mutex<(any CacheStore)?>

    init(_ store: any CacheStore) {
        factory = nil
        built = Mutex(store)
    }

    init(factory: @escaping @Sendable () throws -> any CacheStore) {
        self.factory = factory
        built = Mutex(nil)
    }

    /// The store if it is built; never builds it.
    var current: (any CacheStore)? {
        built.withLock { $0 }
    }

    /// The store, building it under this slot's own lock if needed: concurrent first callers
    /// wait for one build instead of each running the factory.
    func resolve() throws -> any CacheStore {
        try built.withLock { built in
            if let store = built { return store }
            let store = try factory!()
            built = store
            return store
        }
    }
}

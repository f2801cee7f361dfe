import Synchronization
import ToolOpsCache
import ToolOpsCore
import ToolOpsResilience

/// Where tools are built: the environment, the named cache stores and the circuit breakers they share.
///
/// Most apps use ``shared`` through the free functions ``readonly(_:version:description:sensitive:options:fallback:body:)``
/// and ``sideeffect(_:version:description:idempotent:sensitive:options:fallback:body:)``; tests and
/// services that want their own clock, observer or stores build a runtime of their own.
///
/// ```swift
/// let runtime = ToolRuntime(environment: ToolEnvironment(observer: telemetry))
/// runtime.stores.register("file", try FileCache(configuration: .init(directory: cacheURL)))
/// let search = try runtime.readonly("search_docs", options: .init(cache: "file")) { (q: Query) in … }
/// ```
public final class ToolRuntime: Sendable {
    /// Clock, randomness and observer for every tool built here.
    public let environment: ToolEnvironment
    /// The named cache stores; `"memory"` is the default. Without a registry of its own, a runtime
    /// has `"memory"`, `"file"`, and `"postgres"` when `TOOLOPS_POSTGRES_URL` is set.
    public let stores: CacheStoreRegistry
    /// One circuit breaker per tool id.
    public let breakers: BreakerRegistry
    // Which store each cached tool was built with, for invalidation.
    private let toolStores = Mutex<[ToolID: String]>([:])
    // Every tool built here, by name (the latest build of a name wins).
    private let builtTools = Mutex<[String: any JSONTool]>([:])

    /// The process-wide runtime: system clock, no observer, the standard stores (plus
    /// `"postgres"` when `TOOLOPS_POSTGRES_URL` is set).
    public static let shared = ToolRuntime()

    public init(
        environment: ToolEnvironment = .system,
        stores: CacheStoreRegistry? = nil,
        breakers: BreakerRegistry = BreakerRegistry()
    ) {
        self.environment = environment
        if let stores {
            self.stores = stores
        } else {
            self.stores = .standard(clock: environment.clock)
            self.stores.registerPostgresFromEnvironment(clock: environment.clock)
        }
        self.breakers = breakers
    }

    func remember(store name: String, for tool: ToolID) {
        toolStores.withLock { $0[tool] = name }
    }

    /// The store name of every tool built here with a cache.
    func cachedTools() -> [ToolID: String] {
        toolStores.withLock { $0 }
    }

    func remember(tool: some JSONTool) {
        builtTools.withLock { $0[tool.descriptor.name] = tool }
    }

    /// Every tool built by this runtime, sorted by name: what an embedded `toolops` CLI or an
    /// MCP server can list and call.
    public var tools: [any JSONTool] {
        builtTools.withLock { $0.values.sorted { $0.descriptor.name < $1.descriptor.name } }
    }

    /// The tool built here under `name`, if any.
    public func tool(named name: String) -> (any JSONTool)? {
        builtTools.withLock { $0[name] }
    }

    /// The name of the store the tool `id` caches in, if it was built here with a cache.
    public func storeName(for id: ToolID) -> String? {
        toolStores.withLock { $0[id] }
    }
}

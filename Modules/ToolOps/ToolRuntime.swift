import Synchronization
import ToolOpsCache
import ToolOpsCore
import ToolOpsResilience
import ToolOpsSemantic

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
    // Every tool built here, by id, and the order names were last built in.
    private let builtTools = Mutex<BuiltTools>(BuiltTools())
    private let semanticCaches = Mutex<[(tool: ToolID, caching: SemanticCaching)]>([])

    private struct BuiltTools {
        var byID: [ToolID: any JSONTool] = [:]
        var latest: [String: ToolID] = [:]
    }

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

    func remember(semanticCaching caching: SemanticCaching, for tool: ToolID) {
        semanticCaches.withLock { $0.append((tool, caching)) }
    }

    /// The semantic caching of the tool `id`, if it has one.
    func semanticCaching(for id: ToolID) -> SemanticCaching? {
        semanticCaches.withLock { uses in uses.first { $0.tool == id }?.caching }
    }

    /// The semantic caches of the tools built here, each once, with the names of the tools using it.
    func semanticCacheUses() -> [(cache: SemanticCache, tools: Set<String>)] {
        semanticCaches.withLock { uses in
            var result: [(cache: SemanticCache, tools: Set<String>)] = []
            for use in uses {
                if let index = result.firstIndex(where: { $0.cache === use.caching.cache }) {
                    result[index].tools.insert(use.tool.name)
                } else {
                    result.append((use.caching.cache, [use.tool.name]))
                }
            }
            return result
        }
    }

    func remember(tool: some JSONTool) {
        let id = tool.descriptor.id
        builtTools.withLock { built in
            built.byID[id] = tool
            built.latest[id.name] = id
        }
    }

    /// Every tool built by this runtime (each version of a name once), sorted by name then
    /// version: what an embedded `toolops` CLI or an MCP server can list and call.
    public var tools: [any JSONTool] {
        builtTools.withLock { built in
            built.byID.values.sorted {
                ($0.descriptor.name, $0.descriptor.version) < ($1.descriptor.name, $1.descriptor.version)
            }
        }
    }

    /// The tool built here under `name` — of its versions, the one built last — if any.
    public func tool(named name: String) -> (any JSONTool)? {
        builtTools.withLock { built in built.latest[name].flatMap { built.byID[$0] } }
    }

    /// The tool built here with this exact name and version, if any.
    public func tool(_ id: ToolID) -> (any JSONTool)? {
        builtTools.withLock { $0.byID[id] }
    }

    /// Every version of the tool called `name` built here, sorted by version.
    public func tools(named name: String) -> [any JSONTool] {
        builtTools.withLock { built in
            built.byID.values.filter { $0.descriptor.name == name }.sorted {
                $0.descriptor.version < $1.descriptor.version
            }
        }
    }

    /// The name of the store the tool `id` caches in, if it was built here with a cache.
    public func storeName(for id: ToolID) -> String? {
        toolStores.withLock { $0[id] }
    }
}

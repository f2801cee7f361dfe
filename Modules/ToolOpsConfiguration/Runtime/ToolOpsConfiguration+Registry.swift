import Foundation
import ToolOps

extension ToolOpsConfiguration {
    /// A registry with every configured store, each built on first use, and ``defaultStore`` as
    /// its default.
    ///
    /// Building a registry opens nothing: a file store creates its folder, and a Postgres store
    /// its connection pools (connecting on its first lookup), when a tool or command first asks
    /// for it. The configuration is checked first, as ``load(path:environment:workingDirectory:)``
    /// checks a file, so a configuration built in code fails here rather than at first use.
    ///
    /// ```swift
    /// let registry = try configuration.makeRegistry(clock: ManualClock())
    /// let shared = try registry.store(named: "shared")
    /// ```
    ///
    /// - Throws: ``ConfigurationError`` for the first mistake in the stores or defaults.
    public func makeRegistry(clock: any ToolClock = SystemClock()) throws(ConfigurationError) -> CacheStoreRegistry {
        var checks = ConfigurationChecks(self)
        checks.checkStores()
        if let first = checks.problems.first { throw first }
        let registry = CacheStoreRegistry()
        for store in stores {
            switch store.kind {
            case .memory(let maxEntries, let maxBytes):
                let configuration = MemoryCache.Configuration(maxEntries: maxEntries, maxBytes: maxBytes, clock: clock)
                registry.register(store.name) { MemoryCache(configuration: configuration) }
            case .file(let directory, let namespace, let maxEntries, let maxBytes):
                let configuration = FileCache.Configuration(
                    directory: URL(filePath: directory, directoryHint: .isDirectory), namespace: namespace,
                    maxEntries: maxEntries, maxBytes: maxBytes, clock: clock)
                registry.register(store.name) { try FileCache(configuration: configuration) }
            case .postgres(let url, let namespace, let schema, let table):
                registry.registerPostgres(
                    store.name,
                    configuration: .init(
                        connectionString: url, namespace: namespace, schema: schema, table: table, clock: clock))
            }
        }
        registry.defaultStoreName = defaultStore
        return registry
    }
}

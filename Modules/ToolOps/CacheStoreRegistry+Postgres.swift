#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension CacheStoreRegistry {
    /// Registers a ``PostgresCache`` under `name` (default `"postgres"`), built on first use.
    ///
    /// The configuration is checked when the store is first asked for, so a bad connection
    /// string is reported by the tool builder that names the store.
    ///
    /// ```swift
    /// runtime.stores.registerPostgres(configuration: .init(connectionString: url, namespace: "billing"))
    /// let tool = try runtime.readonly("invoice", options: .init(cache: "postgres")) { … }
    /// ```
    public func registerPostgres(_ name: String = "postgres", configuration: PostgresCache.Configuration) {
        register(name) { try PostgresCache(configuration: configuration) }
    }

    /// Registers `"postgres"` from `TOOLOPS_POSTGRES_URL` when that variable is set and not empty.
    func registerPostgresFromEnvironment(clock: any ToolClock) {
        guard let url = getenv("TOOLOPS_POSTGRES_URL").map({ String(cString: $0) }), !url.isEmpty else { return }
        registerPostgres(configuration: .init(connectionString: url, clock: clock))
    }
}

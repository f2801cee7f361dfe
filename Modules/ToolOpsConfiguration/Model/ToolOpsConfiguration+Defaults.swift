import ToolOps

extension ToolOpsConfiguration {
    /// Defaults for tools built from the configuration, and the namespace of stores that set none
    /// (the `defaults` section).
    ///
    /// ```yaml
    /// defaults:
    ///   ttl: 5m
    ///   stale_ttl: 1d
    ///   namespace: billing
    /// ```
    public struct Defaults: Sendable, Equatable {
        /// How long a cached result stays fresh. Default 5 minutes.
        public var ttl: Duration
        /// How long past its TTL a result may still be served when the upstream fails. Default 24 hours.
        public var staleTTL: Duration
        /// The namespace of every file and Postgres store that sets none: the folder inside a file
        /// store's directory, the rows of a Postgres table. 1–255 letters, digits, `.`, `_` or
        /// `-`, and neither `.` nor `..`. Default `"default"`.
        public var namespace: String

        /// Defaults; each one as documented on its property unless given.
        public init(ttl: Duration = .seconds(300), namespace: String = "default", staleTTL: Duration = .seconds(86_400))
        {
            self.ttl = ttl
            self.namespace = namespace
            self.staleTTL = staleTTL
        }

        /// Options for a read-only tool with these defaults: ``ttl`` and ``staleTTL``, caching in
        /// `cache` (the runtime's default store unless given).
        ///
        /// ```swift
        /// let search = try runtime.readonly("search_docs", options: configuration.defaults.readOnlyOptions()) { … }
        /// ```
        public func readOnlyOptions(cache: CacheBackend = .default) -> ReadOnlyOptions {
            ReadOnlyOptions(cache: cache, ttl: ttl, staleTTL: staleTTL)
        }
    }
}

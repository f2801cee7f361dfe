import ToolOps

extension ToolOpsConfiguration {
    /// The `defaults` section: the namespace of stores that set none, and freshness settings for
    /// the tools an app chooses to build with them.
    ///
    /// ``namespace`` applies by itself, to every store of the configuration. ``ttl`` and
    /// ``staleTTL`` do **not**: a tool keeps the options it is built with (`ReadOnlyOptions()`
    /// has its own defaults, a TTL of an hour and no stale serving), including a tool built on a
    /// ``ToolRuntime/init(configuration:environment:)`` runtime. They apply to the tools built
    /// with ``readOnlyOptions(cache:)``:
    ///
    /// ```yaml
    /// defaults:
    ///   ttl: 5m
    ///   stale_ttl: 1d
    ///   namespace: billing
    /// ```
    ///
    /// ```swift
    /// let runtime = try ToolRuntime(configuration: configuration)
    /// var options = configuration.defaults.readOnlyOptions(cache: "shared")  // ttl 5m, stale for 1d on errors
    /// options.tags = ["docs"]
    /// let search = try runtime.readonly("search_docs", options: options) { (q: Query) in … }
    /// ```
    public struct Defaults: Sendable, Equatable {
        /// How long a cached result stays fresh, for tools built with ``readOnlyOptions(cache:)``.
        /// Default 5 minutes.
        public var ttl: Duration
        /// How long past its TTL a result may still be served when the upstream fails, for tools
        /// built with ``readOnlyOptions(cache:)``; zero for never. Default 24 hours.
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

        /// Options for a read-only tool with these defaults, caching in `cache` (the runtime's
        /// default store unless given): fresh for ``ttl``; with a ``staleTTL`` above zero,
        /// `staleIfError` is on, so an expired result is served for that long past its TTL when
        /// the live call fails; with a zero ``staleTTL``, never. Every other option is
        /// `ReadOnlyOptions`' default.
        ///
        /// This is the only way ``ttl`` and ``staleTTL`` reach a tool: a tool built with options
        /// of its own keeps them.
        ///
        /// ```swift
        /// let search = try runtime.readonly("search_docs", options: configuration.defaults.readOnlyOptions()) { … }
        /// ```
        public func readOnlyOptions(cache: CacheBackend = .default) -> ReadOnlyOptions {
            ReadOnlyOptions(cache: cache, ttl: ttl, staleIfError: staleTTL > .zero, staleTTL: staleTTL)
        }
    }
}

// CONTRACT STUB — the public API the CLI codes against. The configuration helper replaces the bodies.
import ToolOps

/// The configuration file shared by the SDK and the `toolops` CLI (`toolops.yaml`).
public struct ToolOpsConfiguration: Sendable, Equatable {
    /// Every store, in file order.
    public var stores: [StoreConfiguration]
    /// The store tools use when they name none.
    public var defaultStore: String
    /// Defaults for tools built from this configuration.
    public var defaults: Defaults
    /// Logs, metrics, tracing.
    public var telemetry: Telemetry
    /// The file this was read from; `nil` when built in code or when no file was found.
    public var source: String?

    public init(
        stores: [StoreConfiguration] = [StoreConfiguration(name: "memory", kind: .memory())],
        defaultStore: String = "memory",
        defaults: Defaults = Defaults(),
        telemetry: Telemetry = Telemetry(),
        source: String? = nil
    ) {
        self.stores = stores
        self.defaultStore = defaultStore
        self.defaults = defaults
        self.telemetry = telemetry
        self.source = source
    }

    /// Defaults applied to tools.
    public struct Defaults: Sendable, Equatable {
        public var ttl: Duration
        public var namespace: String
        public init(ttl: Duration = .seconds(300), namespace: String = "default") {
            self.ttl = ttl
            self.namespace = namespace
        }
    }

    /// Telemetry settings.
    public struct Telemetry: Sendable, Equatable {
        public var logLevel: String
        public var logFile: String?
        public var metricsPrefix: String
        public var tracing: Bool
        public init(
            logLevel: String = "warning", logFile: String? = nil, metricsPrefix: String = "toolops",
            tracing: Bool = true
        ) {
            self.logLevel = logLevel
            self.logFile = logFile
            self.metricsPrefix = metricsPrefix
            self.tracing = tracing
        }
    }

    /// Reads the configuration: `path` if given, else `TOOLOPS_CONFIG`, else `./toolops.yaml`,
    /// else built-in defaults; then applies environment overrides.
    public static func load(
        path: String? = nil, environment: [String: String] = [:]
    ) throws(ConfigurationError) -> ToolOpsConfiguration {
        ToolOpsConfiguration()
    }

    /// A registry holding every configured store (built lazily), default set.
    public func makeRegistry(clock: any ToolClock = SystemClock()) throws(ConfigurationError) -> CacheStoreRegistry {
        let registry = CacheStoreRegistry.standard(clock: clock)
        return registry
    }

    /// A commented example file, what `toolops config init` writes.
    public static var exampleFile: String { "" }
}

/// One named store.
public struct StoreConfiguration: Sendable, Equatable {
    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    public enum Kind: Sendable, Equatable {
        case memory(maxEntries: Int = 10_000, maxBytes: Int = 64 << 20)
        case file(directory: String, namespace: String = "default", maxEntries: Int = 10_000, maxBytes: Int = 256 << 20)
        /// `url` is the connection string as written (mask it before showing: `ConnectionString`).
        case postgres(
            url: String, namespace: String = "default", schema: String = "toolops", table: String = "cache_entries")
    }
}

/// A configuration mistake: the file, the key (dotted path) and what is wrong.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var key: String?
    public var line: Int?
    public var message: String

    public init(file: String? = nil, key: String? = nil, line: Int? = nil, message: String) {
        self.file = file
        self.key = key
        self.line = line
        self.message = message
    }

    /// One line: `toolops.yaml:12: stores.shared.url: …`.
    public var description: String {
        var prefix = ""
        if let file { prefix += file + (line.map { ":\($0)" } ?? "") + ": " }
        if let key { prefix += key + ": " }
        return prefix + message
    }
}

import ToolOps

/// One named cache store of a ``ToolOpsConfiguration`` (an entry of the `stores` section).
///
/// ```yaml
/// stores:
///   memory: {type: memory, max_entries: 10000, max_bytes: 64MiB}
///   local: {type: file, directory: ~/.cache/toolops, max_bytes: 256MiB}
///   shared: {type: postgres, url: "${TOOLOPS_POSTGRES_URL}", schema: toolops, table: cache_entries}
/// ```
///
/// Its ``description`` and `dump` mask the password of a Postgres URL.
public struct StoreConfiguration: Sendable, Equatable {
    /// The name tools use to pick the store: 1–64 letters, digits, `.`, `_` or `-`.
    public var name: String
    /// What kind of store it is, with its settings.
    public var kind: Kind

    /// A store named `name`.
    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The kinds of store, with their settings.
    public enum Kind: Sendable, Equatable {
        /// A ``MemoryCache`` keeping at most `maxEntries` entries and `maxBytes` bytes.
        case memory(maxEntries: Int = 10_000, maxBytes: Int = 64 << 20)
        /// A ``FileCache`` in `<directory>/<namespace>/` (an absolute path once loaded).
        case file(directory: String, namespace: String = "default", maxEntries: Int = 10_000, maxBytes: Int = 256 << 20)
        /// A ``PostgresCache``. `url` is the connection string as written: show ``StoreConfiguration/maskedURL``.
        case postgres(
            url: String, namespace: String = "default", schema: String = "toolops", table: String = "cache_entries")

        /// `memory`, `file` or `postgres`: the `type` written in the file.
        public var typeName: String {
            switch self {
            case .memory: "memory"
            case .file: "file"
            case .postgres: "postgres"
            }
        }

        /// The values `type` may take.
        public static let typeNames = ["memory", "file", "postgres"]
    }

    /// The Postgres URL with its password masked; `nil` for other kinds.
    ///
    /// A URL libpq cannot parse is not shown at all, since what is secret in it cannot be told.
    public var maskedURL: String? {
        guard case .postgres(let url, _, _, _) = kind else { return nil }
        return Self.mask(url: url)
    }

    /// `url` with its password masked, or a placeholder when libpq cannot parse it.
    static func mask(url: String) -> String {
        (try? ConnectionString(url).description) ?? "<connection string libpq cannot parse, hidden>"
    }
}

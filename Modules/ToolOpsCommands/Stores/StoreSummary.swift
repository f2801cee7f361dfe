import Foundation
import ToolOps
import ToolOpsConfiguration

/// What a store is and where, safe to print: `postgres at 127.0.0.1:5432/toolops`, never its
/// password.
struct StoreSummary: Sendable, Hashable, Encodable {
    /// The store's name in the registry.
    var name: String
    /// `memory`, `file`, `postgres`, or the type of a custom store.
    var kind: String
    /// A folder, or `host:port/database`; `nil` for memory.
    var location: String?
    /// The namespace the store's entries live in; `nil` for memory.
    var namespace: String?

    init(name: String, kind: String, location: String? = nil, namespace: String? = nil) {
        self.name = name
        self.kind = kind
        self.location = location
        self.namespace = namespace
    }

    /// The summary of an open store.
    init(name: String, store: any CacheStore) {
        switch store {
        case is MemoryCache:
            self.init(name: name, kind: "memory")
        case let file as FileCache:
            self.init(
                name: name, kind: "file",
                location: file.namespaceDirectory.path(percentEncoded: false).trimmingSuffix { $0 == "/" },
                namespace: file.configuration.namespace)
        case let postgres as PostgresCache:
            self.init(
                name: name, kind: "postgres", location: Self.endpoint(postgres.client.connectionString),
                namespace: postgres.configuration.namespace)
        default:
            self.init(name: name, kind: String(describing: type(of: store)))
        }
    }

    /// The summary of a configured store that is not open.
    init(_ configured: StoreConfiguration) {
        switch configured.kind {
        case .memory:
            self.init(name: configured.name, kind: "memory")
        case .file(let directory, let namespace, _, _):
            self.init(name: configured.name, kind: "file", location: directory, namespace: namespace)
        case .postgres(let url, let namespace, _, _):
            let endpoint = (try? ConnectionString(url)).map(Self.endpoint) ?? "an invalid connection string"
            self.init(name: configured.name, kind: "postgres", location: endpoint, namespace: namespace)
        }
    }

    /// `store 'shared' (postgres at 127.0.0.1:5432/toolops)`: how messages name the store.
    var label: String {
        kind == Self.unknownKind ? "store '\(name)'" : "store '\(name)' (\(kind)\(location.map { " at \($0)" } ?? ""))"
    }

    /// The kind of a store that could not be opened and is not in the configuration.
    static let unknownKind = "unknown"

    /// `namespace default`, or `this process's memory`.
    var scope: String {
        namespace.map { "namespace \($0)" } ?? (kind == "memory" ? "this process's memory" : "no namespace")
    }

    /// `host:port/database` from the parsed options (the password is not among them).
    static func endpoint(_ connectionString: ConnectionString) -> String {
        let options = connectionString.options
        let host = options["host"] ?? options["hostaddr"] ?? "localhost"
        let port = options["port"] ?? "5432"
        return "\(host):\(port)/\(options["dbname"] ?? options["user"] ?? "")"
    }
}

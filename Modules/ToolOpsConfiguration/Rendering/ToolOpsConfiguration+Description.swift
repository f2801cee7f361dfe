extension ToolOpsConfiguration: CustomStringConvertible, CustomReflectable {
    /// A one-line summary, Postgres passwords masked.
    public var description: String {
        let list = stores.map(\.description).joined(separator: ", ")
        return "ToolOpsConfiguration(source: \(source ?? "none"), defaultStore: \(defaultStore), stores: [\(list)], "
            + "defaults: \(defaults), telemetry: \(telemetry))"
    }

    /// What `dump` and debuggers show: the stores with their passwords masked.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "stores": stores, "defaultStore": defaultStore, "defaults": defaults, "telemetry": telemetry,
                "source": source as Any,
            ])
    }
}

extension StoreConfiguration: CustomStringConvertible, CustomReflectable {
    /// `shared: postgres postgresql://app:***@db/app (namespace default, toolops.cache_entries)`.
    public var description: String {
        "\(name): \(kind)"
    }

    /// What `dump` and debuggers show: the kind, its URL's password masked.
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "kind": kind.description])
    }
}

extension StoreConfiguration.Kind: CustomStringConvertible, CustomReflectable {
    /// The type and settings, a Postgres URL's password masked.
    public var description: String {
        switch self {
        case .memory(let maxEntries, let maxBytes):
            "memory (max \(maxEntries) entries, \(ByteSizeText.format(maxBytes)))"
        case .file(let directory, let namespace, let maxEntries, let maxBytes):
            "file \(directory) (namespace \(namespace), max \(maxEntries) entries, \(ByteSizeText.format(maxBytes)))"
        case .postgres(let url, let namespace, let schema, let table):
            "postgres \(StoreConfiguration.mask(url: url)) (namespace \(namespace), \(schema).\(table))"
        }
    }

    /// What `dump` and debuggers show: ``description``, never the raw URL.
    public var customMirror: Mirror {
        Mirror(self, children: ["description": description])
    }
}

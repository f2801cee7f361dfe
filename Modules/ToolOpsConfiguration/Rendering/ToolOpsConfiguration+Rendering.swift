import Logging
import Yams

extension ToolOpsConfiguration {
    /// The configuration as YAML in the file's format, every setting written out (defaults
    /// included) — what `toolops config check --print` shows.
    ///
    /// With `masked` (the default) Postgres passwords are written `***`; unmasked text reads back
    /// into an equal configuration (a literal `${` is written `$${`).
    ///
    /// ```swift
    /// print(try ToolOpsConfiguration.load().renderedYAML())
    /// ```
    public func renderedYAML(masked: Bool = true) -> String {
        // Every value is text to the reader; only a null look-alike must be quoted to stay text.
        func scalar(_ text: String) -> Node {
            let escaped = text.replacing("${", with: "$${")
            return Node(escaped, .implicit, ["", "~", "null", "Null", "NULL"].contains(text) ? .doubleQuoted : .any)
        }
        func mapping(_ pairs: [(String, Node)]) -> Node { Node(pairs.map { (Node($0.0), $0.1) }) }
        let stores = stores.map { store -> (String, Node) in
            var settings: [(String, Node)] = [("type", scalar(store.kind.typeName))]
            switch store.kind {
            case .memory(let maxEntries, let maxBytes):
                settings += [
                    ("max_entries", scalar(String(maxEntries))), ("max_bytes", scalar(ByteSizeText.format(maxBytes))),
                ]
            case .file(let directory, let namespace, let maxEntries, let maxBytes):
                settings += [
                    ("directory", scalar(directory)), ("namespace", scalar(namespace)),
                    ("max_entries", scalar(String(maxEntries))), ("max_bytes", scalar(ByteSizeText.format(maxBytes))),
                ]
            case .postgres(let url, let namespace, let schema, let table):
                let written = masked ? StoreConfiguration.mask(url: url) : url
                settings += [
                    ("url", scalar(written)), ("namespace", scalar(namespace)), ("schema", scalar(schema)),
                    ("table", scalar(table)),
                ]
            }
            return (store.name, mapping(settings))
        }
        let costs = telemetry.costPerCall.sorted { $0.key < $1.key }.map { ($0.key, scalar(String($0.value))) }
        let root = mapping([
            ("default_store", scalar(defaultStore)),
            (
                "defaults",
                mapping([
                    ("ttl", scalar(DurationText.format(defaults.ttl))),
                    ("stale_ttl", scalar(DurationText.format(defaults.staleTTL))),
                    ("namespace", scalar(defaults.namespace)),
                ])
            ),
            ("stores", mapping(stores)),
            (
                "telemetry",
                mapping([
                    ("log_level", scalar(telemetry.logLevel.rawValue)),
                    ("log_file", scalar(telemetry.logFile ?? "stderr")),
                    ("metrics_prefix", scalar(telemetry.metricsPrefix)),
                    ("tracing", scalar(String(telemetry.tracing))),
                    ("statistics_window", scalar(DurationText.format(telemetry.statisticsWindow))),
                    ("cost_per_call", mapping(costs)),
                ])
            ),
        ])
        do {
            return try Yams.serialize(node: root, indent: 2, width: -1, allowUnicode: true)
        } catch {
            return "# the configuration could not be written as YAML: \(error)\n"
        }
    }
}

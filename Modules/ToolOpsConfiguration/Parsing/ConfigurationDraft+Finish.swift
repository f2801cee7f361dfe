import Foundation
import ToolOps

extension ConfigurationDraft {
    /// The configuration the draft describes: unset settings take their defaults (a store's
    /// namespace is `defaults.namespace`; a file store's directory is ``FileCache/defaultDirectory(environment:)``).
    ///
    /// Returns the problems of settings that cannot be defaulted (a Postgres store without a URL),
    /// and the names of the stores left out for them. A URL that is missing because its key is
    /// misspelt (`urll`) was reported as the misspelling already and is not reported again.
    func finish(
        source: String?, environment: [String: String]
    ) -> (configuration: ToolOpsConfiguration, problems: [ConfigurationError], leftOut: Set<String>) {
        var problems: [ConfigurationError] = []
        var leftOut: Set<String> = []
        let locator = ProblemLocator(file: source, origins: origins)
        var stores: [StoreConfiguration] = []
        for store in self.stores ?? StoreDraft.builtIn {
            let namespace = store.namespace ?? defaults.namespace
            let kind: StoreConfiguration.Kind
            switch store.type {
            case "memory":
                kind = .memory(maxEntries: store.maxEntries ?? 10_000, maxBytes: store.maxBytes ?? 64 << 20)
            case "file":
                let directory =
                    store.directory
                    ?? PathText.normalized(
                        FileCache.defaultDirectory(environment: environment).path(percentEncoded: false))
                kind = .file(
                    directory: directory, namespace: namespace, maxEntries: store.maxEntries ?? 10_000,
                    maxBytes: store.maxBytes ?? 256 << 20)
            default:
                guard let url = store.url else {
                    leftOut.insert(store.name)
                    if store.misspelt.contains("url") { continue }
                    problems.append(
                        locator.error(
                            "stores.\(store.name)",
                            "missing 'url', the connection string (postgresql://user@host:5432/db); set it"
                                + (store.name == "postgres" ? ", or set TOOLOPS_POSTGRES_URL" : "")))
                    continue
                }
                kind = .postgres(
                    url: url, namespace: namespace, schema: store.schema ?? "toolops",
                    table: store.table ?? "cache_entries")
            }
            stores.append(StoreConfiguration(name: store.name, kind: kind))
        }
        let defaultStore =
            defaultStore ?? (stores.contains { $0.name == "memory" } ? "memory" : stores.first?.name ?? "memory")
        let configuration = ToolOpsConfiguration(
            stores: stores, defaultStore: defaultStore, defaults: defaults, telemetry: telemetry, source: source)
        return (configuration, problems, leftOut)
    }
}

/// Turns a dotted key and a message into a ``ConfigurationError`` that points where the value came from.
struct ProblemLocator {
    let file: String?
    let origins: [String: ValueOrigin]

    /// The error for `key`: at its line in the file, or under the environment variable that set it.
    /// A key with no origin of its own is placed at its nearest parent's line.
    func error(_ key: String, _ message: String) -> ConfigurationError {
        var candidate = Substring(key)
        while true {
            switch origins[String(candidate)] {
            case .environment(let variable):
                return ConfigurationError(key: variable, message: message)
            case .line(let line):
                return ConfigurationError(file: file, key: key, line: line, message: message)
            case nil:
                guard let dot = candidate.lastIndex(of: ".") else {
                    return ConfigurationError(file: file, key: key, message: message)
                }
                candidate = candidate[..<dot]
            }
        }
    }
}

import ToolOps

/// The checks of a finished configuration: ranges, names, connection strings and references
/// between settings. Run on loaded files and on configurations built in code alike.
struct ConfigurationChecks {
    let configuration: ToolOpsConfiguration
    let locator: ProblemLocator
    /// Stores left out for mistakes already reported: naming them is not a further mistake.
    var brokenStores: Set<String> = []
    private(set) var problems: [ConfigurationError] = []

    init(_ configuration: ToolOpsConfiguration, origins: [String: ValueOrigin] = [:], brokenStores: Set<String> = []) {
        self.configuration = configuration
        self.locator = ProblemLocator(file: configuration.source, origins: origins)
        self.brokenStores = brokenStores
    }

    mutating func problem(_ key: String, _ message: String) {
        problems.append(locator.error(key, message))
    }

    /// Everything ``makeRegistry(clock:)`` needs to be right: defaults and stores.
    mutating func checkStores() {
        let defaults = configuration.defaults
        if defaults.ttl <= .zero {
            problem("defaults.ttl", "must be longer than zero, got \(DurationText.format(defaults.ttl))")
        }
        if defaults.staleTTL < .zero {
            problem("defaults.stale_ttl", "must not be negative, got \(DurationText.format(defaults.staleTTL))")
        }
        if !NameRules.isNamespace(defaults.namespace) {
            problem(
                "defaults.namespace", "'\(defaults.namespace)' is not a valid namespace; \(NameRules.namespaceRule)")
        }
        if configuration.stores.isEmpty && brokenStores.isEmpty {
            problem(
                "stores",
                "no stores; define at least one, or remove 'stores' to use the built-in memory and file stores")
        }
        var seen: Set<String> = []
        var folders: [String: String] = [:]
        for store in configuration.stores {
            let key = "stores.\(store.name)"
            if !seen.insert(store.name).inserted { problem(key, "more than one store is named '\(store.name)'") }
            if !NameRules.isStoreName(store.name) {
                problem(key, "'\(store.name)' is not a valid store name; \(NameRules.storeNameRule)")
            }
            check(store, key: key)
            if case .file(let directory, let namespace, _, _) = store.kind {
                let folder = PathText.normalized(directory + "/" + namespace)
                if let other = folders[folder] {
                    problem(
                        key,
                        "uses the same folder as stores.\(other) (\(folder)); give one of them another namespace or directory"
                    )
                }
                folders[folder] = folders[folder] ?? store.name
            }
        }
        checkDefaultStore()
    }

    private mutating func checkDefaultStore() {
        let name = configuration.defaultStore
        let names = configuration.stores.map(\.name)
        guard !names.contains(name), !brokenStores.contains(name), !names.isEmpty else { return }
        let hint =
            NameSuggestion.closest(to: name, among: names, prefixes: true).map { "; did you mean '\($0)'?" } ?? ""
        problem(
            "default_store",
            "'\(name)' is not a configured store\(hint) (stores: \(names.joined(separator: ", ")))")
    }

    private mutating func check(_ store: StoreConfiguration, key: String) {
        func sizes(_ maxEntries: Int, _ maxBytes: Int) {
            if maxEntries <= 0 { problem(key + ".max_entries", "must be at least 1, got \(maxEntries)") }
            if maxBytes <= 0 {
                problem(key + ".max_bytes", "must be at least 1 byte, got \(ByteSizeText.format(maxBytes))")
            }
        }
        switch store.kind {
        case .memory(let maxEntries, let maxBytes):
            sizes(maxEntries, maxBytes)
        case .file(let directory, let namespace, let maxEntries, let maxBytes):
            if !directory.hasPrefix("/") { problem(key + ".directory", "'\(directory)' is not an absolute path") }
            checkNamespace(namespace, key: key, isValid: NameRules.isNamespace, rule: NameRules.namespaceRule)
            sizes(maxEntries, maxBytes)
        case .postgres(let url, let namespace, let schema, let table):
            do {
                let parsed = try ConnectionString(url)
                if let mistake = Self.optionMistake(in: parsed.options) {
                    problem(key + ".url", "invalid connection string: \(mistake)")
                }
            } catch {
                // ConnectionString's messages mask the password.
                problem(key + ".url", "invalid connection string: \(error.message)")
            }
            checkNamespace(
                namespace, key: key, isValid: { !$0.isEmpty && !$0.utf8.contains(0) },
                rule: "use a non-empty name without NUL characters")
            for (field, name) in [("schema", schema), ("table", table)] where !NameRules.isSQLIdentifier(name) {
                problem(
                    key + "." + field,
                    "'\(name)' is not a valid \(field) name; use 1 to 63 bytes without NUL characters")
            }
        }
    }

    /// What libpq only finds when it connects, found now: a port that is not a port, an unknown `sslmode`.
    static func optionMistake(in options: [String: String]) -> String? {
        for port in (options["port"] ?? "").split(separator: ",", omittingEmptySubsequences: false)
        where options["port"] != nil && !(Int(port).map { (1...65_535).contains($0) } ?? false) {
            return "port '\(port)' is not a number from 1 to 65535"
        }
        let modes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]
        if let mode = options["sslmode"], !modes.contains(mode) {
            return "sslmode '\(mode)' is not one of \(modes.joined(separator: ", "))"
        }
        return nil
    }

    /// A store's namespace; one inherited from `defaults.namespace` is reported there only.
    private mutating func checkNamespace(_ namespace: String, key: String, isValid: (String) -> Bool, rule: String) {
        guard namespace != configuration.defaults.namespace, !isValid(namespace) else { return }
        problem(key + ".namespace", "'\(namespace)' is not a valid namespace; \(rule)")
    }
}

import ToolOpsCore
import Yams

extension ConfigurationReader {
    /// The keys each store type accepts.
    static let storeKeys: [String: [String]] = [
        "memory": ["type", "max_entries", "max_bytes"],
        "file": ["type", "directory", "namespace", "max_entries", "max_bytes"],
        "postgres": ["type", "url", "namespace", "schema", "table"],
    ]

    /// Every store key, for stores whose type is unknown.
    static let allStoreKeys = ["type", "directory", "url", "namespace", "schema", "table", "max_entries", "max_bytes"]

    mutating func readStores(_ section: Entry) {
        draft.origins[section.path] = .line(section.keyLine)
        // An empty or malformed section leaves no stores, which the checks report once.
        draft.stores = []
        for entry in entries(of: section.value, path: section.path) {
            draft.origins[entry.path] = .line(entry.keyLine)
            guard NameRules.isStoreName(entry.name) else {
                problem(
                    entry.path, line: entry.keyLine,
                    "'\(entry.name)' is not a valid store name; \(NameRules.storeNameRule)")
                draft.brokenStores.insert(entry.name)
                continue
            }
            if let store = readStore(entry) {
                draft.stores?.append(store)
            } else {
                draft.brokenStores.insert(entry.name)
            }
        }
    }

    /// One store; `nil` when its type is missing or unknown (its keys are still checked).
    private mutating func readStore(_ store: Entry) -> StoreDraft? {
        let settings = entries(of: store.value, path: store.path)
        if store.value.isNull { problem(store, "expected the store's settings, such as {type: memory}, got nothing") }
        var type: String?
        if let typeEntry = settings.first(where: { $0.name == "type" }) {
            if let name = text(typeEntry, expected: "a store type (\(Self.typeList))") {
                if Self.storeKeys[name] != nil {
                    type = name
                    record(typeEntry)
                } else {
                    let hint = NameSuggestion.closest(
                        to: name, among: StoreConfiguration.Kind.typeNames, prefixes: true)
                    problem(
                        typeEntry,
                        "unknown store type '\(name)'" + (hint.map { " (did you mean '\($0)'?)" } ?? "")
                            + "; use \(Self.typeList)")
                }
            }
        } else if !store.value.isNull, case .mapping = store.value,
            !settings.contains(where: {
                NameSuggestion.closest(to: $0.name, among: Self.allStoreKeys, prefixes: true) == "type"
            })
        {
            // A misspelt `type` (`tpye`) is reported as an unknown key with its suggestion, not as missing too.
            problem(store.path, line: store.keyLine, "missing 'type'; use \(Self.typeList)")
        }
        var draft = StoreDraft(name: store.name, type: type ?? "")
        for entry in settings where entry.name != "type" {
            read(entry, into: &draft, type: type)
        }
        return type == nil ? nil : draft
    }

    private mutating func read(_ entry: Entry, into store: inout StoreDraft, type: String?) {
        let ownKeys = type.flatMap { Self.storeKeys[$0] } ?? Self.allStoreKeys
        guard ownKeys.contains(entry.name) else {
            if let type, Self.allStoreKeys.contains(entry.name) {
                problem(
                    entry.path, line: entry.keyLine,
                    "'\(entry.name)' does not apply to a \(type) store (its keys: \(ownKeys.joined(separator: ", ")))")
            } else {
                unknownKey(entry, known: ownKeys)
                if let meant = NameSuggestion.closest(to: entry.name, among: ownKeys, prefixes: true) {
                    store.misspelt.insert(meant)
                }
            }
            return
        }
        switch entry.name {
        case "max_entries": store.maxEntries = wholeNumber(entry)
        case "max_bytes": store.maxBytes = size(entry)
        case "directory": store.directory = path(entry)
        case "namespace": store.namespace = string(entry, expected: "a namespace")
        case "url":
            // A URL written but unreadable is reported once, here, not again as missing.
            store.url = string(entry, expected: "a connection string (postgresql://…)", secret: true) ?? ""
        case "schema": store.schema = string(entry, expected: "a schema name")
        case "table": store.table = string(entry, expected: "a table name")
        default: break
        }
    }

    /// A path: `~` expanded, relative to the file's folder, made absolute.
    mutating func path(_ entry: Entry) -> String? {
        guard let text = text(entry, expected: "a path") else { return nil }
        switch PathText.resolve(text, home: environment["HOME"], base: baseDirectory) {
        case .success(let path):
            record(entry)
            return path
        case .failure(let failure):
            problem(entry, Self.pathMessage(failure, text: text))
            return nil
        }
    }

    static func pathMessage(_ failure: PathText.Failure, text: String) -> String {
        switch failure {
        case .empty: "expected a path, got an empty value"
        case .noHome: "cannot expand '~' in '\(text)': HOME is not set; write an absolute path"
        case .otherUsersHome: "'\(text)': only '~' and '~/…' (your home) are expanded; write an absolute path"
        }
    }

    static var typeList: String { "memory, file or postgres" }
}

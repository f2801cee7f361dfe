import ToolOpsCore
import Yams

/// Walks a composed YAML tree into a ``ConfigurationDraft``, collecting every mistake (with its
/// line and dotted key) instead of stopping at the first.
///
/// It checks shapes and types — unknown keys, values that are not durations or sizes, unknown
/// store types — while ranges and names are checked on the finished configuration
/// (``ConfigurationChecks``), so that configurations built in code get the same checks.
struct ConfigurationReader {
    /// The file name used in messages.
    let file: String?
    /// For `${VAR}` and `~`.
    let environment: [String: String]
    /// What relative paths are relative to: the file's folder.
    let baseDirectory: String
    var draft = ConfigurationDraft()
    var problems: [ConfigurationError] = []

    init(file: String?, environment: [String: String], baseDirectory: String) {
        self.file = file
        self.environment = environment
        self.baseDirectory = baseDirectory
    }

    /// One key of a mapping: its name, where the key is, its value and its dotted path.
    struct Entry {
        let name: String
        let keyLine: Int?
        let value: Node
        let path: String
    }

    static let rootKeys = ["default_store", "defaults", "stores", "telemetry"]

    /// Reads the whole document; `nil` (an empty file) leaves every default.
    mutating func read(_ root: Node?) {
        guard let root, !root.isNull else { return }
        guard case .mapping = root else {
            problem(
                nil, line: root.line,
                "the file must be a mapping with keys such as stores and telemetry, not \(root.kindDescription)")
            return
        }
        for entry in entries(of: root, path: nil) {
            switch entry.name {
            case "default_store":
                if let name = text(entry, expected: "a store name") {
                    draft.defaultStore = name
                    record(entry)
                }
            case "defaults": readDefaults(entry)
            case "stores": readStores(entry)
            case "telemetry": readTelemetry(entry)
            default: unknownKey(entry, known: Self.rootKeys)
            }
        }
    }

    /// The keys of `node`, a mapping (a problem, and none, otherwise). Keys must be plain values.
    mutating func entries(of node: Node, path: String?) -> [Entry] {
        guard case .mapping(let mapping) = node else {
            if !node.isNull {
                problem(path, line: node.line, "expected a mapping of keys, got \(node.kindDescription)")
            }
            return []
        }
        var result: [Entry] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                problem(path, line: key.line, "keys must be plain names, not \(key.kindDescription)")
                continue
            }
            let name = scalar.string
            result.append(
                Entry(name: name, keyLine: key.line, value: value, path: path.map { "\($0).\(name)" } ?? name))
        }
        return result
    }

    /// Notes where `entry`'s value is, for later messages about it.
    mutating func record(_ entry: Entry) {
        draft.origins[entry.path] = .line(entry.value.line ?? entry.keyLine)
    }

    /// `unknown key 'urll'; did you mean 'url'?`, or the list of valid keys when none is close.
    mutating func unknownKey(_ entry: Entry, known: [String]) {
        let hint = NameSuggestion.closest(to: entry.name, among: known, prefixes: true).map {
            "; did you mean '\($0)'?"
        }
        let list = known.joined(separator: ", ")
        problem(entry.path, line: entry.keyLine, "unknown key '\(entry.name)'" + (hint ?? " (valid keys: \(list))"))
    }

    mutating func problem(_ key: String?, line: Int?, _ message: String) {
        problems.append(ConfigurationError(file: file, key: key, line: line, message: message))
    }

    mutating func problem(_ entry: Entry, _ message: String) {
        problem(entry.path, line: entry.value.line ?? entry.keyLine, message)
    }
}

import ToolOps

/// What the file (then the environment) says, before defaults fill the gaps it leaves.
struct ConfigurationDraft {
    /// Telemetry and tool defaults, already complete (defaults where the file is silent).
    var defaults = ToolOpsConfiguration.Defaults()
    var telemetry = ToolOpsConfiguration.Telemetry()
    /// The `stores` section; `nil` when the file has none (the built-in stores are used).
    var stores: [StoreDraft]?
    /// `default_store`, if set.
    var defaultStore: String?
    /// Stores written in the file but left out for mistakes already reported; not "unknown" later.
    var brokenStores: Set<String> = []
    /// Where each value came from, by dotted key (`stores.shared.url`).
    var origins: [String: ValueOrigin] = [:]
}

/// Where a value came from, so that a message can point at it.
enum ValueOrigin: Equatable {
    /// A line of the file (`nil` when unknown).
    case line(Int?)
    /// An environment variable.
    case environment(String)
}

/// One store as written; unset settings are `nil` until ``ConfigurationDraft/finish(source:environment:)``.
struct StoreDraft {
    var name: String
    /// `memory`, `file` or `postgres`.
    var type: String
    var maxEntries: Int?
    var maxBytes: Int?
    /// Absolute, once read.
    var directory: String?
    var namespace: String?
    var url: String?
    var schema: String?
    var table: String?
    /// The keys that unknown keys of this store were taken for (`urll` → `url`): a required key
    /// among them is misspelt, not missing, and is reported once, as the misspelling.
    var misspelt: Set<String> = []

    /// The stores used when the file has no `stores` section: `memory` and `file`.
    static let builtIn = [StoreDraft(name: "memory", type: "memory"), StoreDraft(name: "file", type: "file")]
}

import ToolOps

/// What `toolops inspect` found: the call's key and the state of its entry.
struct Inspection: Sendable, Hashable, Encodable {
    /// How fresh the entry is now.
    enum Status: String, Sendable, Hashable, Encodable {
        case fresh, stale, absent
    }

    /// `name@version`.
    var tool: String
    /// The arguments with sensitive values replaced by `***`.
    var arguments: String
    /// Whether the key came from the app's own tool (`tool`) or from the name, version and JSON (`derived`).
    var keySource: String
    /// The key's SHA-256 digest, 64 hexadecimal characters.
    var key: String
    /// The store looked in.
    var store: String
    var status: Status
    /// The time the entry's freshness was judged at (the runtime's clock).
    var checkedAt: String
    var storedAt: String?
    /// When the entry stops being fresh.
    var expires: String?
    /// When the entry stops being servable even as stale.
    var staleUntil: String?
    /// The payload's size in bytes.
    var size: Int?
    var tags: [String]?
    /// Why the key may not be the app's: the version asked for is not built, another one is.
    var note: String?

    /// Looks up the entry of the call of `name` with `argumentsJSON`.
    ///
    /// - Throws: ``CommandError`` when the JSON does not parse, the arguments do not fit the
    ///   app's tool, the store is unknown or does not answer.
    static func look(
        tool name: String, version: String?, argumentsJSON: String, store selected: String?, context: CommandContext
    ) async throws -> Inspection {
        let arguments: JSONValue
        do {
            arguments = try JSONValue(parsing: argumentsJSON)
        } catch let error as JSONParseError {
            // The parser's reason gives a position, never the text, which may hold a secret.
            throw CommandError("--args is not valid JSON: \(error.reason)")
        } catch {
            throw CommandError("--args is not valid JSON: \(CommandError.reason(of: error))")
        }
        let runtime = context.runtime
        let key: CallKey
        let sensitive: SensitiveArguments
        let storeName: String
        let keySource: String
        var note: String?
        let requested = version.map { ToolID(name: name, version: $0) }
        // The exact version asked for, else (no version given) the latest built.
        let exact: (any JSONTool)? = if let requested { runtime.tool(requested) } else { runtime.tool(named: name) }
        if let built = exact {
            do {
                key = try built.key(arguments: arguments)
            } catch {
                throw CommandError("--args do not fit tool '\(name)': \(CommandError.reason(of: error))")
            }
            sensitive = built.descriptor.sensitive
            storeName = selected ?? runtime.storeName(for: built.descriptor.id) ?? runtime.stores.defaultStoreName
            keySource = "tool"
        } else if let requested, let sibling = runtime.tool(named: name) {
            // Another version of the tool is built: its sensitive arguments and its store are the
            // best guess for an older or newer version's entries, and never print a secret the
            // app declared.
            sensitive = sibling.descriptor.sensitive
            key = CallKey(
                tool: requested, canonicalArguments: CanonicalArguments(arguments, sensitive: sensitive).hashed)
            storeName = selected ?? runtime.storeName(for: sibling.descriptor.id) ?? runtime.stores.defaultStoreName
            keySource = "derived"
            let versions = runtime.tools(named: name).map(\.descriptor.version).joined(separator: ", ")
            note =
                "version \(requested.version) of '\(name)' is not built in this app (built: \(versions)); "
                + "key derived with the sensitive arguments and store of version \(sibling.descriptor.version)"
        } else {
            sensitive = SensitiveArguments()
            let id = requested ?? ToolID(name: name, version: "1")
            key = CallKey(tool: id, canonicalArguments: CanonicalArguments(arguments, sensitive: sensitive).hashed)
            storeName = selected ?? runtime.stores.defaultStoreName
            keySource = "derived"
        }
        let store = try context.store(named: storeName)
        let summary = context.summary(of: storeName, store: store)
        let entry: CacheEntry?
        do {
            entry = try await withTimeLimit(.seconds(10), clock: context.environment.clock) {
                try await store.entry(for: key)
            }
        } catch {
            throw CommandError("\(summary.label): \(CommandError.reason(of: error))")
        }
        let now = context.clock.now()
        var inspection = Inspection(
            tool: key.tool.description,
            arguments: CanonicalArguments.masked(arguments, sensitive: sensitive).description,
            keySource: keySource, key: key.digest, store: storeName, status: .absent, checkedAt: now.iso8601,
            note: note)
        if let entry, entry.freshness(at: now) != .expired {
            inspection.status = entry.freshness(at: now) == .fresh ? .fresh : .stale
            inspection.storedAt = entry.storedAt.iso8601
            inspection.expires = entry.freshUntil.iso8601
            inspection.staleUntil = entry.staleUntil.iso8601
            inspection.size = entry.payload.count
            inspection.tags = entry.tags
        }
        return inspection
    }
}

import ToolOps
import ToolOpsConfiguration

/// What a store command works with once its options are read: the configuration, the runtime the
/// application built from it, and where to write.
struct CommandContext: Sendable {
    let configuration: ToolOpsConfiguration
    let runtime: ToolRuntime
    let environment: CommandEnvironment

    var output: any CommandOutput { environment.output }
    var clock: any ToolClock { runtime.environment.clock }

    /// Every store name: those of the configuration in file order, then any other the
    /// application registered, sorted.
    var allStoreNames: [String] {
        let registered = runtime.stores.names
        let configured = configuration.stores.map(\.name).filter(registered.contains)
        return configured + registered.filter { !configured.contains($0) }
    }

    /// `selected` when it names a store, else every store.
    ///
    /// - Throws: ``CommandError`` listing the stores when `selected` names none of them.
    func storeNames(selecting selected: String?) throws(CommandError) -> [String] {
        let names = allStoreNames
        guard let selected else { return names }
        guard names.contains(selected) else { throw unknownStore(selected) }
        return [selected]
    }

    /// The store called `name`, opened.
    ///
    /// - Throws: ``CommandError`` when there is no such store, or it cannot be opened (a bad
    ///   connection string, a folder that cannot be used).
    func store(named name: String) throws(CommandError) -> any CacheStore {
        guard allStoreNames.contains(name) else { throw unknownStore(name) }
        do {
            return try runtime.stores.store(named: name)
        } catch {
            throw CommandError("\(summary(of: name, store: nil).label): \(CommandError.reason(of: error))")
        }
    }

    /// What to call the store in messages, from the open store if there is one, else from the
    /// configuration.
    func summary(of name: String, store: (any CacheStore)?) -> StoreSummary {
        if let store { return StoreSummary(name: name, store: store) }
        if let configured = configuration.stores.first(where: { $0.name == name }) {
            return StoreSummary(configured)
        }
        return StoreSummary(name: name, kind: StoreSummary.unknownKind)
    }

    private func unknownStore(_ name: String) -> CommandError {
        let known = allStoreNames.map { "'\($0)'" }.joined(separator: ", ")
        return CommandError(
            "unknown store '\(name)'; the stores are \(known.isEmpty ? "none" : known) (see `toolops config check`)")
    }
}

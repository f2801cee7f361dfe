import ToolOps
import ToolOpsConfiguration

/// What a store command works with once its options are read: the configuration, the runtime the
/// application built from it, and where to write.
struct CommandContext: Sendable {
    let configuration: ToolOpsConfiguration
    let runtime: ToolRuntime
    let environment: CommandEnvironment

    var output: any CommandOutput { environment.output }
    /// The runtime's clock: what entries are stamped with and judged fresh by.
    var clock: any ToolClock { runtime.environment.clock }

    /// The longest ``shutdown()`` waits for the application to release the stores.
    static let shutdownLimit: Duration = .seconds(5)

    /// Lets the application release what the command opened (``ToolOpsApplication/shutdown(runtime:)``),
    /// waiting at most ``shutdownLimit`` on the environment's clock: a store step that timed out
    /// may still hold a connection, and the command must end anyway. A shutdown that does not
    /// finish in time is a warning on standard error, not a failure.
    func shutdown() async {
        let application = environment.application
        let runtime = runtime
        do {
            try await withTimeLimit(Self.shutdownLimit, clock: environment.clock) {
                await application.shutdown(runtime: runtime)
            }
        } catch {
            output.diagnostic(
                "Warning: the stores did not shut down within \(Format.duration(Self.shutdownLimit)); "
                    + "statistics gathered by this command may not have been saved")
        }
    }

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

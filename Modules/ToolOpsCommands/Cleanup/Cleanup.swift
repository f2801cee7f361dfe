import ArgumentParser
import ToolOps

/// What `toolops clear` and `toolops invalidate` do.
struct Cleanup: Sendable {
    let context: CommandContext

    /// Clears the namespace of the store `name`, after asking on a terminal unless `confirmed`.
    ///
    /// - Throws: ``CommandError`` for an unknown store, a refusal without a terminal, or a store
    ///   failure; `ExitCode.failure` when the operator answers no.
    func clear(_ name: String, confirmed: Bool) async throws {
        let store = try context.store(named: name)
        let summary = context.summary(of: name, store: store)
        let count = try await storeFailure(summary) { try await store.statistics().entries }
        if !confirmed {
            let input = context.environment.input
            guard input.isInteractive else {
                throw CommandError(
                    "refusing to clear store '\(name)' (\(Format.entries(count))) without confirmation: "
                        + "standard input is not a terminal; pass --yes to clear it")
            }
            context.output.write(
                "Clear \(Format.entries(count)) from store '\(name)' (\(summary.scope))? [y/N] ", to: .standardError)
            let answer = input.readLine()?.trimmingPrefix(while: \.isWhitespace).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else {
                context.output.diagnostic("Nothing cleared.")
                throw ExitCode.failure
            }
        }
        let removed = try await storeFailure(summary) { try await store.invalidate(.all) }
        context.output.line("Cleared \(Format.entries(removed)) from store '\(name)' (\(summary.scope)).")
    }

    /// Removes the entries of `tool` and those carrying `tag` from `selected`, or from the stores
    /// they may be in.
    func invalidate(tool: String?, tag: String?, store selected: String?) async throws {
        var scopes: [(scope: CacheScope, names: [String], what: String)] = []
        if let tool {
            scopes.append((.tool(tool), try storesHolding(tool: tool, selected: selected), "of tool '\(tool)'"))
        }
        if let tag {
            scopes.append((.tag(tag), try context.storeNames(selecting: selected), "tagged '\(tag)'"))
        }
        for (scope, names, what) in scopes {
            for name in names {
                let store = try context.store(named: name)
                let summary = context.summary(of: name, store: store)
                let removed = try await storeFailure(summary) { try await store.invalidate(scope) }
                context.output.line(
                    "Removed \(Format.entries(removed)) \(what) from store '\(name)' (\(summary.scope)).")
            }
        }
    }

    /// `selected`, else the stores the runtime's versions of `tool` cache in, else every store.
    private func storesHolding(tool: String, selected: String?) throws(CommandError) -> [String] {
        if selected != nil { return try context.storeNames(selecting: selected) }
        let runtime = context.runtime
        let known = Set(
            runtime.tools.filter { $0.descriptor.name == tool }.compactMap { runtime.storeName(for: $0.descriptor.id) })
        return known.isEmpty ? context.allStoreNames : context.allStoreNames.filter(known.contains)
    }

    /// Runs a store operation, naming the store in its failure: `store 'x' (…): reason`.
    private func storeFailure<T: Sendable>(
        _ summary: StoreSummary, _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        do {
            return try await withTimeLimit(.seconds(30), clock: context.environment.clock, operation: operation)
        } catch {
            throw CommandError("\(summary.label): \(CommandError.reason(of: error))")
        }
    }
}

import ArgumentParser
import Foundation
import ToolOps
import ToolOpsConfiguration

/// What `toolops config init` and `toolops config check` do.
enum ConfigFile {
    /// Writes ``ToolOpsConfiguration/exampleFile`` to `path`.
    ///
    /// - Throws: ``CommandError`` when the file exists and `force` is off, when `path` is a
    ///   folder, or when it cannot be written.
    static func writeExample(to path: String, force: Bool, output: any CommandOutput) throws(CommandError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw CommandError("'\(path)' is a folder; give a file path with --path") }
            if !force { throw CommandError("'\(path)' already exists; pass --force to replace it") }
        }
        do {
            try Data(ToolOpsConfiguration.exampleFile.utf8).write(to: URL(filePath: path), options: .atomic)
        } catch {
            throw CommandError("cannot write '\(path)': \((error as NSError).localizedDescription)")
        }
        output.line("Wrote \(path). Edit it, then run `toolops config check --config \(path)`.")
    }

    /// Checks the configuration `options` name, as every command reads it, and prints the result:
    /// on standard error every problem, one line each (`file:line: key: message`), else on
    /// standard output OK and the stores.
    ///
    /// - Throws: `ExitCode.failure` when there is any problem (after printing them all).
    static func check(
        path: String?, environment: CommandEnvironment
    ) throws(ExitCode) {
        let output = environment.output
        let validation = ToolOpsConfiguration.validate(path: path, environment: environment.variables)
        let problems =
            validation.problems.isEmpty ? validation.configuration.map(Self.problems(of:)) ?? [] : validation.problems
        guard let configuration = validation.configuration, problems.isEmpty else {
            for problem in problems { output.diagnostic(problem.description) }
            throw ExitCode.failure
        }
        output.line("OK: " + (configuration.source ?? "no configuration file found; using the built-in defaults"))
        output.line("default store: \(configuration.defaultStore)")
        let width = configuration.stores.map(\.name.count).max() ?? 0
        for store in configuration.stores {
            output.line("  \(store.name.padded(to: width))  \(describe(store.kind))")
        }
    }

    /// What validation leaves to the stores themselves, checked without connecting: the stores
    /// can be set up, and each connection string parses.
    static func problems(of configuration: ToolOpsConfiguration) -> [ConfigurationError] {
        var problems: [ConfigurationError] = []
        do {
            _ = try configuration.makeRegistry()
        } catch {
            problems.append(error)
        }
        for store in configuration.stores {
            guard case .postgres(let url, _, _, _) = store.kind else { continue }
            do {
                _ = try ConnectionString(url)
            } catch {
                let problem = ConfigurationError(
                    file: configuration.source, key: "stores.\(store.name).url", message: error.message)
                if !problems.contains(where: { $0.key == problem.key }) { problems.append(problem) }
            }
        }
        return problems
    }

    /// One store's settings, its password masked.
    static func describe(_ kind: StoreConfiguration.Kind) -> String {
        switch kind {
        case .memory(let maxEntries, let maxBytes):
            "memory (at most \(maxEntries) entries, \(Format.bytes(maxBytes)))"
        case .file(let directory, let namespace, let maxEntries, let maxBytes):
            "file at \(directory) (namespace \(namespace), at most \(maxEntries) entries, \(Format.bytes(maxBytes)))"
        case .postgres(let url, let namespace, let schema, let table):
            "postgres \((try? ConnectionString(url))?.description ?? "(invalid connection string)") "
                + "(namespace \(namespace), table \(schema).\(table))"
        }
    }
}

import ArgumentParser
import ToolOps
import ToolOpsConfiguration

/// `--config PATH`: the option every store command shares.
struct ConfigurationOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp(
            "The configuration file (default: $TOOLOPS_CONFIG, else ./toolops.yaml, else built-in defaults).",
            valueName: "path"))
    var path: String?

    func validate() throws {
        if let path, path.isEmpty { throw ValidationError("--config needs a file path.") }
    }

    /// The configuration, read as the options say.
    ///
    /// - Throws: ``CommandError`` with the configuration's one-line message (file, key, problem).
    func load(_ environment: CommandEnvironment) throws(CommandError) -> ToolOpsConfiguration {
        do {
            return try ToolOpsConfiguration.load(path: path, environment: environment.variables)
        } catch {
            throw CommandError(error.description)
        }
    }

    /// Runs `body` with the configuration and the runtime the application builds from it, then
    /// shuts the runtime's stores down (``CommandContext/shutdown()``), whether `body` succeeded
    /// or threw.
    ///
    /// - Throws: ``CommandError`` when the configuration cannot be read or the runtime built;
    ///   whatever `body` throws.
    func withContext<T>(
        _ environment: CommandEnvironment, _ body: (CommandContext) async throws -> T
    ) async throws -> T {
        let context = try await context(environment)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(context))
        } catch {
            result = .failure(error)
        }
        await context.shutdown()
        return try result.get()
    }

    /// The configuration and the runtime the application builds from it.
    ///
    /// - Throws: ``CommandError`` when the configuration cannot be read or the runtime built.
    func context(_ environment: CommandEnvironment) async throws(CommandError) -> CommandContext {
        let configuration = try load(environment)
        do {
            let runtime = try await environment.application.makeRuntime(configuration: configuration)
            return CommandContext(configuration: configuration, runtime: runtime, environment: environment)
        } catch {
            throw CommandError("cannot set up the stores: \(CommandError.reason(of: error))")
        }
    }
}

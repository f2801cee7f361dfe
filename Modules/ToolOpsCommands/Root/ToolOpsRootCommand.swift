import ArgumentParser

/// `toolops`: the operator commands — configuration, health, statistics, invalidation, metrics —
/// ready to run as an app's own executable or to mount in its command tree.
///
/// ArgumentParser builds commands from their types, so the app reaches them through a task-local
/// ``CommandEnvironment``: ``main(application:arguments:)`` binds it and runs.
///
/// ```swift
/// import ToolOpsCommands
///
/// @main
/// enum WeatherOps {
///     static func main() async {
///         await ToolOpsRootCommand.main(application: WeatherApp())
///     }
/// }
/// // $ weather-ops stats --store shared
/// // $ weather-ops inspect --tool get_weather --args '{"city":"Paris"}'
/// ```
///
/// To mount the commands under an app's own root command instead, list
/// ``operatorCommands`` (or `ToolOpsRootCommand.self`, for a `toolops` group) in its
/// subcommands and bind the environment around its `main`:
///
/// ```swift
/// await CommandEnvironment.$current.withValue(CommandEnvironment(application: WeatherApp())) {
///     await WeatherCLI.main()
/// }
/// ```
public struct ToolOpsRootCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "toolops",
        abstract: "Operate ToolOps caches: configuration, health, statistics, invalidation and metrics.",
        discussion: """
            Every store command reads the configuration from --config, else $TOOLOPS_CONFIG, else \
            ./toolops.yaml, else built-in defaults. Results (tables, --json) go to standard output; \
            errors and prompts go to standard error, as one line each. Exit status is 0 on success, \
            1 on a failure or failed health check, and 64 on a usage mistake.
            """,
        subcommands: operatorCommands
    )

    /// The operator commands, for an app that mounts them under a root command of its own.
    public static let operatorCommands: [any ParsableCommand.Type] = [
        ConfigCommand.self, DoctorCommand.self, StatsCommand.self, ClearCommand.self, InvalidateCommand.self,
        InspectCommand.self, MetricsCommand.self, SemanticEvalCommand.self, EmbedCommand.self,
    ]

    /// The command; ArgumentParser makes it.
    public init() {}
}

extension ToolOpsRootCommand {
    /// Runs the command the process's arguments (or `arguments`) name, for `application`, then
    /// exits the process: the whole `main` of an app's operator executable.
    ///
    /// Help goes to standard output (status 0); a mistake or failure is one line on standard
    /// error, `Error: …`, with status 64 for a usage mistake and 1 otherwise (see
    /// ``CommandLineMain``).
    public static func main(application: some ToolOpsApplication, arguments: [String]? = nil) async {
        let status = await CommandLineMain.run(
            Self.self, arguments: arguments, in: CommandEnvironment(application: application))
        exit(withError: status)
    }

    /// Runs the command `arguments` (the process's when `nil`) name in the bound
    /// ``CommandEnvironment/current``, then exits the process, reporting as
    /// ``main(application:arguments:)`` does.
    public static func main(_ arguments: [String]?) async {
        let status = await CommandLineMain.run(Self.self, arguments: arguments, in: CommandEnvironment.current)
        exit(withError: status)
    }

    /// Runs the command the process's arguments name, then exits the process, reporting as
    /// ``main(application:arguments:)`` does.
    public static func main() async {
        await main(nil)
    }

    /// Parses `arguments` and runs the command they name in `environment`, throwing instead of
    /// exiting: for tests and for apps that run a command in-process.
    ///
    /// - Throws: ``CommandError`` for a failure, `ExitCode` for a non-zero status with nothing
    ///   more to say (an unhealthy `doctor`), and ArgumentParser's errors for bad arguments and
    ///   `--help` — ``CommandLineMain/report(_:of:to:)`` writes what `main` prints for them and
    ///   returns the exit status.
    ///
    /// ```swift
    /// let output = CapturedOutput()
    /// try await ToolOpsRootCommand.run(["doctor", "--json"], in: CommandEnvironment(output: output))
    /// ```
    public static func run(_ arguments: [String], in environment: CommandEnvironment) async throws {
        try await CommandEnvironment.$current.withValue(environment) {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        }
    }
}

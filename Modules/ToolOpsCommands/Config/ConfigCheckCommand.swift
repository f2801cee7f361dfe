import ArgumentParser

/// `toolops config check`: reads and validates the configuration.
public struct ConfigCheckCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the configuration file and summarise its stores.",
        discussion: """
            Reads the configuration as every command does and checks it without connecting to \
            anything: YAML syntax, keys, values, store kinds, connection strings. Every mistake is \
            reported on standard error, one line each, as `file:line: key: problem`, and the exit \
            status is 1; a valid file prints OK and its stores, passwords masked. Use \
            `toolops doctor` to check that the stores answer.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    /// The command; ArgumentParser makes it.
    public init() {}

    /// Runs the command; every problem is printed on its own line, then `ExitCode.failure` thrown.
    public func run() async throws {
        try await reportingErrors {
            try ConfigFile.check(path: options.path, environment: CommandEnvironment.current)
        }
    }
}

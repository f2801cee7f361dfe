import ArgumentParser

/// `toolops config`: writes and checks the configuration file.
public struct ConfigCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Write an example configuration file, or check one.",
        discussion: """
            The configuration (toolops.yaml) names the cache stores — memory, file, PostgreSQL — \
            with their namespaces and bounds, the default store, tool defaults and telemetry. \
            Start with `toolops config init`, edit the file, then run `toolops config check`.
            """,
        subcommands: [ConfigInitCommand.self, ConfigCheckCommand.self]
    )

    /// The command; ArgumentParser makes it.
    public init() {}
}

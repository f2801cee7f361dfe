import ArgumentParser

/// `toolops config init`: writes the commented example configuration.
public struct ConfigInitCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented example configuration file.",
        discussion: """
            Writes every setting with its default and a comment saying what it does. An existing \
            file is left alone unless --force is given.
            """
    )

    @Option(
        name: [.customLong("path"), .customLong("config")],
        help: ArgumentHelp("Where to write the file.", valueName: "path"))
    var path = "toolops.yaml"

    @Flag(help: "Replace the file if it exists.")
    var force = false

    /// The command; ArgumentParser makes it.
    public init() {}

    /// Rejects option values that cannot work, before anything is read.
    public func validate() throws {
        if path.isEmpty { throw ValidationError("--path needs a file path.") }
    }

    /// Runs the command; a failure is thrown as a one-line ``CommandError``.
    public func run() async throws {
        try await reportingErrors {
            try ConfigFile.writeExample(to: path, force: force, output: CommandEnvironment.current.output)
        }
    }
}

import ArgumentParser

/// `toolops clear <store>`: removes every entry of one store's namespace.
public struct ClearCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Remove every entry of a store's namespace.",
        discussion: """
            Only the store's own namespace is cleared: other applications sharing the folder or \
            the table keep their entries. On a terminal you are asked to confirm; without one \
            (a script, CI) the command refuses unless --yes is given.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @Argument(help: ArgumentHelp("The store to clear.", valueName: "store"))
    var store: String

    @Flag(name: [.customShort("y"), .long], help: "Clear without asking.")
    var yes = false

    /// The command; ArgumentParser makes it.
    public init() {}

    /// Runs the command; a failure is thrown as a one-line ``CommandError``.
    public func run() async throws {
        try await reportingErrors {
            try await options.withContext(CommandEnvironment.current) { context in
                try await Cleanup(context: context).clear(store, confirmed: yes)
            }
        }
    }
}

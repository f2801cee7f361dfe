import ArgumentParser

/// `toolops invalidate`: removes the entries of a tool, or carrying a tag.
public struct InvalidateCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "invalidate",
        abstract: "Remove the cached entries of a tool (every version), or those carrying a tag.",
        discussion: """
            With --tool, every entry of that tool is removed, whatever its version; with --tag, \
            every entry carrying the tag; with both, each. Without --store, a tool's entries are \
            removed from the store the app's tool uses (when the commands are mounted in the \
            app) or from every store, and a tag's from every store.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @Option(help: ArgumentHelp("The tool whose entries to remove.", valueName: "name"))
    var tool: String?

    @Option(help: ArgumentHelp("Remove the entries carrying this tag.", valueName: "tag"))
    var tag: String?

    @Option(help: ArgumentHelp("Only this store.", valueName: "name"))
    var store: String?

    /// The command; ArgumentParser makes it.
    public init() {}

    /// Rejects option values that cannot work, before anything is read.
    public func validate() throws {
        if tool == nil && tag == nil { throw ValidationError("Give --tool, --tag, or both.") }
        if tool?.isEmpty == true || tag?.isEmpty == true { throw ValidationError("--tool and --tag need a value.") }
    }

    /// Runs the command; a failure is thrown as a one-line ``CommandError``.
    public func run() async throws {
        try await reportingErrors {
            try await options.withContext(CommandEnvironment.current) { context in
                try await Cleanup(context: context).invalidate(tool: tool, tag: tag, store: store)
            }
        }
    }
}

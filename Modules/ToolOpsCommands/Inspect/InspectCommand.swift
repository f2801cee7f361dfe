import ArgumentParser

/// `toolops inspect`: the key of one call and the state of its cache entry.
public struct InspectCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show the cache key of a call and whether its entry is fresh, stale or absent.",
        discussion: """
            The key is derived exactly as a call derives it. When the commands are mounted in an \
            app that built the tool, the tool's own key derivation is used (its version, its \
            sensitive arguments) and its own store; otherwise the key comes from --tool, --version \
            and --args, with arguments named like secrets (token, password, api_key, …) hashed. \
            The entry is looked up at the current time: fresh, stale (served only if the live \
            call fails) or absent. Sensitive argument values are never printed: they show as ***.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @Option(help: ArgumentHelp("The tool's name.", valueName: "name"))
    var tool: String

    @Option(help: ArgumentHelp("The call's arguments as a JSON object.", valueName: "json"))
    var args: String

    @Option(help: ArgumentHelp("The tool's version (default: the app's tool's, else 1).", valueName: "version"))
    var version: String?

    @Option(
        help: ArgumentHelp("Look in this store (default: the tool's store, else the default store).", valueName: "name")
    )
    var store: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    /// The command; ArgumentParser makes it.
    public init() {}

    /// Rejects option values that cannot work, before anything is read.
    public func validate() throws {
        if tool.isEmpty { throw ValidationError("--tool needs a tool name.") }
        if version?.isEmpty == true { throw ValidationError("--version needs a value.") }
    }

    /// Runs the command; a failure is thrown as a one-line ``CommandError``.
    public func run() async throws {
        try await reportingErrors {
            try await options.withContext(CommandEnvironment.current) { context in
                let inspection = try await Inspection.look(
                    tool: tool, version: version, argumentsJSON: args, store: store, context: context)
                context.output.line(json ? try JSONText.encode(inspection) : inspection.text)
            }
        }
    }
}

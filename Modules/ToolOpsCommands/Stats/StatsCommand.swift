import ArgumentParser

/// `toolops stats`: entries, bytes and hit rates per store and per tool.
public struct StatsCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show entries, bytes and hit rates per store and per tool.",
        discussion: """
            One line per store (entries, bytes, hit rate, hits, misses, writes, stale serves), \
            then each store's top tools by entries, with bars. PostgreSQL stores count hits and \
            misses per tool across every process sharing the namespace; file stores give entries \
            and bytes per tool, and count lookups of this process only; memory stores live in \
            one process, so a standalone `toolops` sees them empty. Stale serves are shown when \
            an app mounts the commands with its statistics. --json prints every tool.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @Option(help: ArgumentHelp("Show only this store.", valueName: "name"))
    var store: String?

    @Option(help: ArgumentHelp("How many tools to list per store in the table.", valueName: "count"))
    var top = 10

    @Flag(help: "Print the figures as JSON.")
    var json = false

    /// The command; ArgumentParser makes it.
    public init() {}

    /// Rejects option values that cannot work, before anything is read.
    public func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1, got \(top).") }
    }

    /// Runs the command; a failure is thrown as a one-line ``CommandError``.
    public func run() async throws {
        try await reportingErrors {
            try await options.withContext(CommandEnvironment.current) { context in
                let names = try context.storeNames(selecting: store)
                let (report, failures) = await StatsGathering(context: context, timeLimit: .seconds(10)).gather(names)
                context.output.line(json ? try JSONText.encode(report) : report.table(top: top))
                for failure in failures { context.output.diagnostic("Error: \(failure)") }
                if !failures.isEmpty { throw ExitCode.failure }
            }
        }
    }
}

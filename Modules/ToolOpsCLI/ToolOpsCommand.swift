import ArgumentParser
import ToolOpsCommands

/// `toolops`: the command-line tool that operates ToolOps.
///
/// The demo lives here; the operator commands (config, doctor, stats, clear, invalidate, inspect,
/// metrics) come from ToolOpsCommands, where apps mount them with their own tools.
@main
struct ToolOpsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toolops",
        abstract: "Operate ToolOps: caching, coalescing and resilience for AI agent tools.",
        discussion: ToolOpsRootCommand.configuration.discussion,
        subcommands: [DemoCommand.self] + ToolOpsRootCommand.operatorCommands
    )

    /// Parses and runs like ArgumentParser's `main`, but reports a mistake as one line on stderr
    /// (`Error: …`, status 64 for a usage mistake) instead of the error, usage and help lines.
    static func main() async {
        let status = await CommandLineMain.run(Self.self, arguments: nil, in: CommandEnvironment())
        exit(withError: status)
    }
}

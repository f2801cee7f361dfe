import ArgumentParser

/// `toolops`: the command-line tool that operates ToolOps.
@main
struct ToolOpsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "toolops",
        abstract: "Operate ToolOps: caching, coalescing and resilience for AI agent tools.",
        subcommands: [DemoCommand.self]
    )
}

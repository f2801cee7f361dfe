import ArgumentParser
import Testing
import ToolOps

@testable import ToolOpsCommands

@Suite("Parsing and help")
struct ParsingTests {
    static let commands: [([String], any ParsableCommand.Type)] = [
        (["config"], ConfigCommand.self), (["config", "init"], ConfigInitCommand.self),
        (["config", "check"], ConfigCheckCommand.self), (["doctor"], DoctorCommand.self),
        (["stats"], StatsCommand.self), (["clear"], ClearCommand.self), (["invalidate"], InvalidateCommand.self),
        (["inspect"], InspectCommand.self), (["metrics"], MetricsCommand.self),
    ]

    @Test("every command has --help with its abstract, discussion and usage", arguments: commands)
    func help(path: [String], command: any ParsableCommand.Type) throws {
        // `--help` parses (into ArgumentParser's help command) on every command, however incomplete.
        _ = try ToolOpsRootCommand.parseAsRoot(path + ["--help"])
        let help = ToolOpsRootCommand.helpMessage(for: command, columns: 10_000)
        let abstract = command.configuration.abstract
        let discussion = command.configuration.discussion
        #expect(!abstract.isEmpty)
        #expect(discussion.count > 80)
        #expect(help.contains("OVERVIEW: " + abstract))
        #expect(help.contains(discussion))
        #expect(help.contains("USAGE: toolops \(path.joined(separator: " "))"))
    }

    @Test("the root lists every operator command")
    func rootHelp() throws {
        let help = ToolOpsRootCommand.helpMessage()
        for name in ["config", "doctor", "stats", "clear", "invalidate", "inspect", "metrics"] {
            #expect(help.contains("\n  \(name) "))
        }
    }

    @Test("store commands share --config, and their options parse")
    func options() throws {
        let stats = try #require(
            try ToolOpsRootCommand.parseAsRoot(["stats", "--config", "/etc/t.yaml", "--store", "file", "--json"])
                as? StatsCommand)
        #expect(stats.options.path == "/etc/t.yaml")
        #expect(stats.store == "file")
        #expect(stats.json)
        let clear = try #require(try ToolOpsRootCommand.parseAsRoot(["clear", "shared", "-y"]) as? ClearCommand)
        #expect(clear.store == "shared")
        #expect(clear.yes)
        let inspect = try #require(
            try ToolOpsRootCommand.parseAsRoot(["inspect", "--tool", "t", "--args", "{}", "--version", "3"])
                as? InspectCommand)
        #expect(inspect.tool == "t" && inspect.args == "{}" && inspect.version == "3" && inspect.store == nil)
        let invalidate = try #require(
            try ToolOpsRootCommand.parseAsRoot(["invalidate", "--tag", "docs"]) as? InvalidateCommand)
        #expect(invalidate.tag == "docs" && invalidate.tool == nil)
        let metrics = try #require(
            try ToolOpsRootCommand.parseAsRoot(["metrics", "--serve", "9464", "--host", "0.0.0.0"]) as? MetricsCommand)
        #expect(metrics.serve == 9464 && metrics.host == "0.0.0.0" && metrics.path == "/metrics")
        let doctor = try #require(try ToolOpsRootCommand.parseAsRoot(["doctor", "--timeout", "2"]) as? DoctorCommand)
        #expect(doctor.timeout == 2 && !doctor.json)
    }

    @Test(
        "usage mistakes are one-line messages with exit status 64",
        arguments: [
            (["invalidate"], "Give --tool, --tag, or both."),
            (["inspect", "--tool", "t"], "Missing expected argument '--args <json>'"),
            (["doctor", "--timeout", "0"], "--timeout must be from 0.001 to 3600 seconds, got 0.0."),
            (["stats", "--top", "0"], "--top must be at least 1, got 0."),
            (["stats", "--config", ""], "--config needs a file path."),
            (["clear"], "Missing expected argument '<store>'"),
        ])
    func usageMistakes(arguments: [String], message: String) throws {
        let error = try #require(throws: (any Error).self) { try ToolOpsRootCommand.parseAsRoot(arguments) }
        #expect(ToolOpsRootCommand.message(for: error) == message)
        #expect(ToolOpsRootCommand.exitCode(for: error).rawValue == 64)
    }

    static let mistakenArguments: [[String]] = [
        ["clear"], ["invalidate"], ["doctor", "--timeout", "0"], ["stats", "--top", "0"], ["stats", "--store"],
        ["inspect", "--tool", "t"], ["nonsense"], ["stats", "--colour"],
    ]

    @Test("main prints a usage mistake as exactly one line on stderr, and returns 64", arguments: mistakenArguments)
    func mainUsageMistake(arguments: [String]) async throws {
        let output = CapturedOutput()
        let status = await CommandLineMain.run(
            ToolOpsRootCommand.self, arguments: arguments, in: CommandEnvironment(output: output, variables: [:]))
        #expect(status.rawValue == 64)
        #expect(output.standardOutput.isEmpty)
        #expect(output.standardError.hasPrefix("Error: "))
        #expect(output.standardError.filter(\.isNewline).count == 1, "\(output.standardError)")
        #expect(output.standardError.hasSuffix("\n"))
        // The same message the error carries, not the usage or help lines ArgumentParser adds.
        let error = try #require(throws: (any Error).self) { try ToolOpsRootCommand.parseAsRoot(arguments) }
        #expect(output.standardError == "Error: \(ToolOpsRootCommand.message(for: error))\n")
    }

    @Test(
        "main prints help on stdout and returns 0, for --help, help and a bare group",
        arguments: [["--help"], ["help"], [], ["stats", "--help"], ["help", "stats"], ["config"]])
    func mainHelp(arguments: [String]) async {
        let output = CapturedOutput()
        let status = await CommandLineMain.run(
            ToolOpsRootCommand.self, arguments: arguments, in: CommandEnvironment(output: output, variables: [:]))
        #expect(status == .success)
        #expect(output.standardError.isEmpty)
        #expect(output.standardOutput.contains("USAGE: toolops"))
        #expect(output.standardOutput.contains("OPTIONS:"))
    }

    @Test("main adds nothing to a command that ends with an exit status of its own")
    func mainExitCode() async {
        let stores = CacheStoreRegistry()
        stores.register("flaky", ReadOnlyStore())
        let output = CapturedOutput()
        let status = await CommandLineMain.run(
            ToolOpsRootCommand.self, arguments: ["doctor", "--json"],
            in: CommandEnvironment(
                application: BareApplication(stores: stores, clock: SystemClock()), output: output, variables: [:]))
        #expect(status == .failure)
        #expect(output.standardError.isEmpty)
        #expect(output.standardOutput.contains(#""healthy" : false"#))
    }

    @Test("main prints a failure as one line with status 1")
    func mainFailure() async {
        let output = CapturedOutput()
        let status = await CommandLineMain.run(
            ToolOpsRootCommand.self, arguments: ["stats", "--store", "nope"],
            in: CommandEnvironment(
                application: BareApplication(stores: CacheStoreRegistry.standard(), clock: SystemClock()),
                output: output, variables: [:]))
        #expect(status == .failure)
        #expect(output.standardError.hasPrefix("Error: unknown store 'nope'; the stores are "))
        #expect(output.standardError.filter(\.isNewline).count == 1)
    }
}

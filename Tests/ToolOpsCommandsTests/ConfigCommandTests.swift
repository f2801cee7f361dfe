import Foundation
import Testing
import ToolOps
import ToolOpsCommands
import ToolOpsConfiguration

@Suite("toolops config")
struct ConfigCommandTests {
    @Test("init writes the example file, and refuses to overwrite it without --force")
    func initRefusesOverwrite() async throws {
        let app = try AppFixture()
        let path = app.directory.appending(path: "toolops.yaml").path(percentEncoded: false)

        let first = await CommandRun.run(["config", "init", "--path", path], application: app)
        #expect(first.error == nil, "\(first.errorMessage)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == ToolOpsConfiguration.exampleFile)
        #expect(first.standardOutput.hasPrefix("Wrote \(path)."))

        try Data("stores: {}  # mine\n".utf8).write(to: URL(filePath: path))
        let second = await CommandRun.run(["config", "init", "--path", path], application: app)
        #expect(second.exitCode == 1)
        #expect(second.errorMessage == "'\(path)' already exists; pass --force to replace it")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "stores: {}  # mine\n")

        let forced = await CommandRun.run(["config", "init", "--path", path, "--force"], application: app)
        #expect(forced.error == nil)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == ToolOpsConfiguration.exampleFile)
    }

    @Test("init refuses a folder as the path")
    func initRefusesFolder() async throws {
        let app = try AppFixture()
        let run = await CommandRun.run(
            ["config", "init", "--path", app.directory.path(percentEncoded: false)], application: app)
        #expect(run.exitCode == 1)
        #expect(run.errorMessage.hasSuffix("is a folder; give a file path with --path"))
    }

    @Test("check prints OK, the default store and every store")
    func checkSummarises() async throws {
        let configuration = try ToolOpsConfiguration.load(path: nil, environment: [:])
        let run = await CommandRun.run(["config", "check"], application: ConfiguredApplication())
        #expect(run.error == nil, "\(run.errorMessage)")
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("OK: ") == true)
        #expect(lines.contains("default store: \(configuration.defaultStore)"[...]))
        for store in configuration.stores {
            #expect(lines.contains { $0.hasPrefix("  \(store.name) ") })
        }
    }

    @Test("check prints every problem, one line each as file:line: key: message, and exits 1")
    func checkListsEveryProblem() async throws {
        let app = try AppFixture()
        let path = app.directory.appending(path: "toolops.yaml").path(percentEncoded: false)
        try Data(
            """
            defaults:
              ttl: soon
              nmaespace: x
            stores:
              shared:
                type: postgres
                urll: postgresql://db/app
            telemetry:
              log_level: loud

            """.utf8
        ).write(to: URL(filePath: path))

        let run = await CommandRun.run(["config", "check", "--config", path], application: app)
        #expect(run.exitCode == 1)
        #expect(run.standardOutput.isEmpty)
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "\(path):2: defaults.ttl: expected a duration like 250ms, 30s, 5m, 2h or 1h30m, got 'soon'",
                "\(path):3: defaults.nmaespace: unknown key 'nmaespace'; did you mean 'namespace'?",
                "\(path):7: stores.shared.urll: unknown key 'urll'; did you mean 'url'?",
                "\(path):9: telemetry.log_level: unknown log level 'loud'; "
                    + "use one of trace, debug, info, notice, warning, error, critical",
            ])
    }

    @Test("check of a file that cannot be read is one line and exit 1")
    func checkMissingFile() async throws {
        let app = try AppFixture()
        let path = app.directory.appending(path: "missing.yaml").path(percentEncoded: false)
        let run = await CommandRun.run(["config", "check", "--config", path], application: app)
        #expect(run.exitCode == 1)
        #expect(
            run.standardError
                == "\(path): no such file; check the path, or create one with `toolops config init`\n")
    }
}

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
}

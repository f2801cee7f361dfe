import Testing
import ToolOps
import ToolOpsCommands

@Suite("toolops clear")
struct ClearCommandTests {
    @Test("--yes clears the store's namespace and leaves the neighbouring namespace alone")
    func clearsOwnNamespaceOnly() async throws {
        let app = try AppFixture()
        try await app.populate()
        try app.populateNeighbour()

        let run = await CommandRun.run(["clear", "file", "--yes"], application: app)
        #expect(run.error == nil, "\(run.errorMessage)")
        #expect(run.standardOutput == "Cleared 3 entries from store 'file' (namespace app).\n")
        #expect(try app.file.statistics().entries == 0)
        #expect(try app.neighbour.statistics().entries == 1)
    }

    @Test("without a terminal and without --yes it refuses in one line and clears nothing")
    func refusesWithoutTerminal() async throws {
        let app = try AppFixture()
        try await app.populate()

        let run = await CommandRun.run(["clear", "file"], application: app)
        #expect(run.exitCode == 1)
        #expect(
            run.errorMessage
                == "refusing to clear store 'file' (3 entries) without confirmation: standard input is not a "
                + "terminal; pass --yes to clear it")
        #expect(try app.file.statistics().entries == 3)
    }

    @Test("on a terminal it asks on standard error, and clears on 'y'")
    func asksAndClears() async throws {
        let app = try AppFixture()
        try await app.populate()

        let run = await CommandRun.run(
            ["clear", "file"], application: app, input: ScriptedInput(isInteractive: true, answers: ["y"]))
        #expect(run.error == nil, "\(run.errorMessage)")
        #expect(run.standardError == "Clear 3 entries from store 'file' (namespace app)? [y/N] ")
        #expect(try app.file.statistics().entries == 0)
    }

    @Test("on a terminal, any answer but yes clears nothing and exits non-zero")
    func declined() async throws {
        let app = try AppFixture()
        try await app.populate()

        for answer in ["", "n", "no", "maybe"] {
            let run = await CommandRun.run(
                ["clear", "file"], application: app, input: ScriptedInput(isInteractive: true, answers: [answer]))
            #expect(run.exitCode != 0)
            #expect(run.standardError.hasSuffix("Nothing cleared.\n"))
        }
        #expect(try app.file.statistics().entries == 3)
    }
}

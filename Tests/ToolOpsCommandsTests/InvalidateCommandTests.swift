import Testing
import ToolOps
import ToolOpsCommands

@Suite("toolops invalidate")
struct InvalidateCommandTests {
    @Test("--tool removes every entry of that tool and no other")
    func byTool() async throws {
        let app = try AppFixture()
        try await app.populate()

        let run = await CommandRun.run(["invalidate", "--tool", "search_docs"], application: app)
        #expect(run.error == nil, "\(run.errorMessage)")
        #expect(run.standardOutput == "Removed 2 entries of tool 'search_docs' from store 'file' (namespace app).\n")
        #expect(try app.file.toolStatistics().keys.sorted() == ["get_weather"])
    }

    @Test("--tag removes the entries carrying the tag, in every store")
    func byTag() async throws {
        let app = try AppFixture()
        try await app.populate()

        let run = await CommandRun.run(["invalidate", "--tag", "weather"], application: app)
        #expect(run.error == nil, "\(run.errorMessage)")
        #expect(run.standardOutput.contains("Removed 1 entry tagged 'weather' from store 'file' (namespace app)."))
        #expect(run.standardOutput.contains("Removed 0 entries tagged 'weather' from store 'memory'"))
        #expect(try app.file.toolStatistics().keys.sorted() == ["search_docs"])
    }

    @Test("without --tool or --tag it is a usage error, before touching any store")
    func needsToolOrTag() async throws {
        let app = try AppFixture()
        try await app.populate()

        let run = await CommandRun.run(["invalidate", "--store", "file"], application: app)
        #expect(run.exitCode == 64)
        #expect(run.errorMessage == "Give --tool, --tag, or both.")
        #expect(try app.file.statistics().entries == 3)
    }
}

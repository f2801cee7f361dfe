import Testing
import ToolOpsDemo

@Suite("Demo determinism")
struct DemoDeterminismTests {
    @Test("the same seed gives equal reports, rendered identically")
    func sameSeedSameReport() async throws {
        let first = try await DemoScenario.defaults.report()
        let second = try await DemoScenario.defaults.report()

        #expect(first == second)
        #expect(first.text == second.text)
        #expect(try first.json() == second.json())
    }

    @Test("runs side by side, competing for the cores, give the report a run alone gives")
    func concurrentRunsAgree() async throws {
        let alone = try await DemoScenario.smallWithOutage.report()
        let reports = try await withThrowingTaskGroup(of: DemoReport.self) { group in
            for _ in 0..<4 {
                group.addTask { try await DemoScenario.smallWithOutage.report() }
            }
            return try await group.reduce(into: [DemoReport]()) { $0.append($1) }
        }

        #expect(reports.count == 4)
        #expect(reports.allSatisfy { $0 == alone })
    }

    @Test("different seeds give different reports")
    func differentSeedsDifferentReports() async throws {
        let first = try await DemoRunner(settings: DemoSettings(seed: 42)).run()
        let second = try await DemoRunner(settings: DemoSettings(seed: 43)).run()

        // Not just the seed in the header: the runs themselves differ.
        #expect(first.toolops != second.toolops)
        #expect(first.withoutToolOps != second.withoutToolOps)
        #expect(first.text != second.text)
    }
}

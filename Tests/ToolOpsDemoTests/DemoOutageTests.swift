import Testing
import ToolOpsDemo

@Suite("Demo outage")
struct DemoOutageTests {
    @Test(
        "stale values are served when the outage falls inside the run",
        arguments: [DemoScenario.defaults, .smallWithOutage])
    func outageInsideRunServesStale(_ scenario: DemoScenario) async throws {
        let report = try await scenario.report()

        #expect(report.toolops.staleServed > 0)
        #expect(report.toolops.circuitOpens > 0)
    }

    @Test(
        "no stale value is served when there is no outage during the run",
        arguments: [DemoScenario.smallWithoutOutage, .smallOutageAfterRun]
    )
    func noOutageServesNothingStale(_ scenario: DemoScenario) async throws {
        let report = try await scenario.report()

        #expect(report.toolops.staleServed == 0)
        #expect(report.toolops.rejectedByCircuit == 0)
    }

    @Test("an outage after the last call changes nothing")
    func outageAfterRunIsNoOutage() async throws {
        let none = try await DemoScenario.smallWithoutOutage.report()
        let after = try await DemoScenario.smallOutageAfterRun.report()

        #expect(after.toolops == none.toolops)
        #expect(after.withoutToolOps == none.withoutToolOps)
    }
}

import Testing
import ToolOpsDemo

/// Settings the tests run the demo with, named for the test log.
struct DemoScenario: Sendable, CustomTestStringConvertible {
    let name: String
    let settings: DemoSettings

    var testDescription: String { name }

    /// The report of a run with these settings.
    func report() async throws -> DemoReport {
        try await DemoRunner(settings: settings).run()
    }

    /// What `toolops demo` runs: 8 agents, 600 calls, 8% failures, an outage from 20 s to 35 s of a ~60 s run.
    static let defaults = DemoScenario(name: "defaults", settings: DemoSettings())

    /// 3 agents, 90 calls: a run of about 25 s with an outage from 5 s to 15 s.
    static let smallWithOutage = DemoScenario(
        name: "small, outage inside the run",
        settings: DemoSettings(seed: 7, agents: 3, calls: 90, outageStart: .seconds(5), outageLength: .seconds(10))
    )

    /// The small run with no outage at all.
    static let smallWithoutOutage = DemoScenario(
        name: "small, no outage",
        settings: DemoSettings(seed: 7, agents: 3, calls: 90, outageStart: .seconds(5), outageLength: .zero)
    )

    /// The small run with its outage scheduled long after the last call.
    static let smallOutageAfterRun = DemoScenario(
        name: "small, outage after the run",
        settings: DemoSettings(seed: 7, agents: 3, calls: 90, outageStart: .seconds(1000), outageLength: .seconds(10))
    )

    /// 16 agents, 400 calls, 30% of upstream calls failing at random.
    static let flaky = DemoScenario(
        name: "16 agents, 30% failures",
        settings: DemoSettings(seed: 3, agents: 16, calls: 400, failureRate: 0.3)
    )
}

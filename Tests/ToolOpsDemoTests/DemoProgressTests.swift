import Testing
import ToolOpsDemo

@Suite("Demo progress")
struct DemoProgressTests {
    @Test("progress covers the ToolOps run, then the run without, counting calls up to the total")
    func progressFollowsBothRuns() async throws {
        let log = ProgressLog()
        let settings = DemoScenario.smallWithOutage.settings
        _ = try await DemoRunner(settings: settings) { log.append($0) }.run()
        let values = log.values

        let runs = values.map(\.run).reduce(into: [String]()) { runs, run in
            if runs.last != run { runs.append(run) }
        }
        #expect(runs == ["ToolOps", "without"])
        for run in ["ToolOps", "without"] {
            let mine = values.filter { $0.run == run }
            #expect(mine.allSatisfy { $0.total == settings.calls })
            #expect(mine.allSatisfy { (0...settings.calls).contains($0.completed) })
            #expect(zip(mine, mine.dropFirst()).allSatisfy { $0.completed <= $1.completed && $0.elapsed <= $1.elapsed })
            // The last call may return after the last step of virtual time, but nearly all are counted.
            #expect((mine.last?.completed ?? 0) >= settings.calls - settings.agents)
            // The outage runs from 5 s to 15 s of a run of about 25 s.
            #expect(mine.contains { $0.outage } && mine.contains { !$0.outage })
            let outage = settings.outageStart..<(settings.outageStart + settings.outageLength)
            #expect(mine.allSatisfy { $0.outage == outage.contains($0.elapsed) })
        }
    }

    @Test("a progress report reads as one line: run, calls, virtual time, outage")
    func progressDescription() async throws {
        let log = ProgressLog()
        _ = try await DemoRunner(settings: DemoScenario.smallWithOutage.settings) { log.append($0) }.run()

        let during = try #require(log.values.first { $0.outage })
        #expect(during.description.hasPrefix("[\(during.run)] \(during.completed)/\(during.total) calls · t="))
        #expect(during.description.hasSuffix("s · outage!"))
        let calm = try #require(log.values.last)
        #expect(!calm.description.contains("outage"))
    }
}

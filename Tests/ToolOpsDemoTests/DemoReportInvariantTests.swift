import Testing
import ToolOpsDemo

@Suite("Demo report invariants")
struct DemoReportInvariantTests {
    static let scenarios: [DemoScenario] = [.defaults, .smallWithOutage, .flaky]

    @Test("with ToolOps, cache hits, joins and upstream attempts account for every agent call", arguments: scenarios)
    func toolOpsAccountsForEveryCall(_ scenario: DemoScenario) async throws {
        let run = try await scenario.report().toolops

        #expect(run.agentCalls == scenario.settings.calls)
        // Every call is a cache hit, a join, or a flight of one attempt plus its retries; every
        // attempt reaches the upstream or is refused by an open circuit.
        #expect(
            run.cacheHits + run.coalesced + run.upstreamCalls + run.rejectedByCircuit - run.retries == run.agentCalls)
        #expect(run.failedCalls <= run.agentCalls)
    }

    @Test("without ToolOps, every agent call is exactly one upstream call", arguments: scenarios)
    func withoutToolOpsEveryCallGoesUpstream(_ scenario: DemoScenario) async throws {
        let run = try await scenario.report().withoutToolOps

        #expect(run.agentCalls == scenario.settings.calls)
        #expect(run.upstreamCalls == run.agentCalls)
        #expect(run.tools.allSatisfy { $0.upstreamCalls == $0.agentCalls })
        #expect(
            [run.cacheHits, run.coalesced, run.staleServed, run.retries, run.rejectedByCircuit] == [0, 0, 0, 0, 0])
    }

    @Test("the numbers by tool add up to the run's totals", arguments: scenarios)
    func toolNumbersAddUp(_ scenario: DemoScenario) async throws {
        let report = try await scenario.report()

        for run in [report.toolops, report.withoutToolOps] {
            #expect(run.tools.map(\.tool) == ["get_weather", "search_docs", "get_stock_price", "create_ticket"])
            #expect(run.tools.map(\.agentCalls).reduce(0, +) == run.agentCalls)
            #expect(run.tools.map(\.upstreamCalls).reduce(0, +) == run.upstreamCalls)
            #expect(run.tools.map(\.failedCalls).reduce(0, +) == run.failedCalls)
        }
    }

    @Test("create_ticket is never cached or coalesced: one upstream call per agent call", arguments: scenarios)
    func sideEffectToolCallsUpstreamEveryTime(_ scenario: DemoScenario) async throws {
        let run = try await scenario.report().toolops
        let ticket = try #require(run.tools.first { $0.tool == "create_ticket" })

        #expect(ticket.agentCalls > 0)
        #expect(ticket.upstreamCalls == ticket.agentCalls)
    }

    @Test("with the default settings, ToolOps makes fewer upstream calls and fails fewer agent calls")
    func toolOpsBeatsTheBaselineByDefault() async throws {
        let report = try await DemoScenario.defaults.report()

        #expect(report.toolops.upstreamCalls < report.withoutToolOps.upstreamCalls)
        #expect(report.toolops.failedCalls < report.withoutToolOps.failedCalls)
        #expect(report.toolops.cacheHits > 0)
        #expect(report.toolops.coalesced > 0)
        // The slow tail times out and failures are retried.
        #expect(report.toolops.timeouts > 0)
        #expect(report.toolops.retries > 0)
    }
}

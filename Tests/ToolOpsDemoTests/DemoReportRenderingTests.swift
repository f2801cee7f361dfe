import Foundation
import Testing
import ToolOpsDemo

@Suite("Demo report rendering")
struct DemoReportRenderingTests {
    @Test("the JSON rendering decodes back to an equal report")
    func jsonRoundTrips() async throws {
        let report = try await DemoScenario.smallWithOutage.report()

        let decoded = try JSONDecoder().decode(DemoReport.self, from: Data(try report.json().utf8))
        #expect(decoded == report)
    }

    @Test("the text shows the setup, the upstream calls of both runs, and ends with the summary")
    func textShowsTheComparison() async throws {
        let report = try await DemoScenario.smallWithOutage.report()
        let lines = report.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)

        #expect(lines.first == "toolops demo: 3 agents, 90 tool calls, seed 7")
        let upstream = try #require(lines.first { $0.hasPrefix("  upstream calls") })
        #expect(
            upstream.split(separator: " ").suffix(2)
                == ["\(report.toolops.upstreamCalls)", "\(report.withoutToolOps.upstreamCalls)"])
        #expect(Array(lines.suffix(report.summary.count)) == report.summary)
        #expect(report.summary.first?.contains("(\(report.toolops.upstreamCalls) vs 90)") == true)
    }
}

import Foundation
import Testing
import ToolOps
import ToolOpsConfiguration
import ToolOpsTelemetry
import ToolOpsTesting

@Suite("Telemetry from the configuration")
struct TelemetryTests {
    struct Failure: Error {}

    @Test("the observers log JSON lines at the configured level to the configured file, and count costs")
    func observers() async throws {
        let scratch = try Scratch()
        let configuration = try scratch.load(
            """
            telemetry:
              log_level: warning
              log_file: calls.jsonl
              metrics_prefix: agents
              statistics_window: 1m
              cost_per_call: {lookup: 0.5}
            """)
        let logFile = scratch.path + "/calls.jsonl"
        #expect(configuration.telemetry.logFile == logFile)
        let telemetry = try configuration.telemetry.makeTelemetry()
        #expect(telemetry.metrics?.configuration.prefix == "agents")
        #expect(telemetry.tracer != nil, "tracing is on by default")
        #expect(telemetry.statistics.configuration.window == .seconds(60))
        #expect(telemetry.statistics.configuration.costPerCall == ["lookup": 0.5])

        let runtime = try ToolRuntime(
            configuration: configuration, environment: ToolEnvironment(telemetry: telemetry))
        let lookup = try runtime.readonly("lookup", options: ReadOnlyOptions(retries: 0)) { (query: String) -> String in
            if query == "bad" { throw Failure() }
            return query
        }
        _ = try await lookup("good")
        _ = try await lookup("good")
        _ = try? await lookup("bad")

        let lines = try String(contentsOfFile: logFile, encoding: .utf8).split(separator: "\n")
        // Successes are logged at info, below the configured warning: only the failure is written.
        #expect(lines.count == 1, "\(lines)")
        #expect(lines.first?.contains(#""level":"warning""#) == true)
        #expect(lines.first?.contains(#""msg":"tool call failed""#) == true)
        let statistics = try #require(telemetry.statistics.snapshot().first { $0.tool.name == "lookup" })
        #expect(statistics.window.costSaved == 0.5)
    }

    @Test("a log file that cannot be opened is an error at telemetry.log_file")
    func unopenableLogFile() throws {
        let scratch = try Scratch()
        let telemetry = ToolOpsConfiguration.Telemetry(logFile: scratch.path + "/missing/calls.jsonl")
        let error = #expect(throws: ConfigurationError.self) { try telemetry.makeTelemetry() }
        #expect(error?.key == "telemetry.log_file")
        #expect(
            error?.message.hasPrefix("cannot open log file '\(scratch.path)/missing/calls.jsonl' for appending") == true
        )
    }

    @Test("the defaults' read-only options carry the configured TTLs, and serve stale exactly when stale_ttl > 0")
    func readOnlyOptions() throws {
        let defaults = ToolOpsConfiguration.Defaults(ttl: .seconds(42), staleTTL: .seconds(7))
        let options = defaults.readOnlyOptions(cache: "file")
        #expect(options.ttl == .seconds(42))
        #expect(options.staleTTL == .seconds(7))
        #expect(options.staleIfError)
        #expect(options.cache == .named("file"))
        #expect(!ToolOpsConfiguration.Defaults(staleTTL: .zero).readOnlyOptions().staleIfError)
    }
}

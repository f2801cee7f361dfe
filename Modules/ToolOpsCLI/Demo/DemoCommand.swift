import ArgumentParser
import Foundation
import ToolOps

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `toolops demo`: a simulated multi-agent workload run with ToolOps and without, compared.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a simulated multi-agent workload with and without ToolOps, and compare.",
        discussion: """
            Several agents make hundreds of tool calls (get_weather, search_docs, get_stock_price, \
            create_ticket) against simulated upstreams with latency, random failures and an outage \
            window. The same calls run twice: through ToolOps (memory and file caches, coalescing, \
            retries, timeouts, circuit breakers, stale-if-error), then straight to the upstreams. \
            Time is simulated, so a run takes seconds and the same --seed prints the same report.
            """
    )

    @Option(help: "Seed of the workload, the failures and the retry jitter; the same seed prints the same report.")
    var seed: UInt64 = 42

    @Option(help: "How many agents call tools concurrently (1-1000).")
    var agents = 8

    @Option(help: "How many tool calls the agents make in all (1-100000).")
    var calls = 600

    @Option(help: ArgumentHelp("When the outage begins, in simulated seconds.", valueName: "seconds"))
    var outageStart = 20.0

    @Option(help: ArgumentHelp("How long the outage lasts, in simulated seconds (0 for none).", valueName: "seconds"))
    var outageLength = 15.0

    @Option(
        help: ArgumentHelp("Share of upstream calls failing at random outside the outage (0-0.9).", valueName: "share"))
    var failureRate = 0.08

    @Flag(inversion: .prefixedNo, help: "Show a progress line on stderr (default: only when stderr is a terminal).")
    var progress: Bool?

    @Flag(help: "Print the report as one JSON object instead of tables.")
    var json = false

    @Option(help: ArgumentHelp("Keep the file cache in this folder instead of a temporary one.", valueName: "dir"))
    var keepCache: String?

    func validate() throws {
        guard (1...1000).contains(agents) else {
            throw ValidationError("--agents must be between 1 and 1000, got \(agents).")
        }
        guard (1...100_000).contains(calls) else {
            throw ValidationError("--calls must be between 1 and 100000, got \(calls).")
        }
        guard outageStart.isFinite, (0...86_400).contains(outageStart) else {
            throw ValidationError("--outage-start must be between 0 and 86400 seconds, got \(outageStart).")
        }
        guard outageLength.isFinite, (0...86_400).contains(outageLength) else {
            throw ValidationError("--outage-length must be between 0 and 86400 seconds, got \(outageLength).")
        }
        guard failureRate.isFinite, (0...0.9).contains(failureRate) else {
            throw ValidationError("--failure-rate must be between 0 and 0.9, got \(failureRate).")
        }
        if let keepCache {
            var isDirectory: ObjCBool = false
            guard !keepCache.isEmpty else { throw ValidationError("--keep-cache needs a folder path.") }
            if FileManager.default.fileExists(atPath: keepCache, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw ValidationError("--keep-cache '\(keepCache)' exists and is not a folder.")
            }
        }
    }

    func run() async throws {
        let settings = DemoSettings(
            seed: seed,
            agents: agents,
            calls: calls,
            outageStart: .milliseconds(Int64((outageStart * 1000).rounded())),
            outageLength: .milliseconds(Int64((outageLength * 1000).rounded())),
            failureRate: failureRate,
            keptCacheDirectory: keepCache.map { URL(filePath: $0, directoryHint: .isDirectory) }
        )
        let line = (progress ?? (isatty(STDERR_FILENO) == 1)) ? ProgressLine() : nil
        let started = ContinuousClock.now
        var runner = DemoRunner(settings: settings)
        if let line {
            runner.progress = { line.update($0) }
        }
        let report = try await runner.run()
        let realTime = DemoReport.formatSeconds((ContinuousClock.now - started).seconds, decimals: 2)
        line?.finish("[ToolOps] simulated both runs in \(realTime) of real time")
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
    }
}

import ArgumentParser
import Foundation
import ToolOps
import ToolOpsDemo

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
        if let keepCache, keepCache.isEmpty { throw ValidationError("--keep-cache needs a folder path.") }
        let settings = try settings()
        do {
            try settings.validate()
        } catch {
            // Name the option, and the value as the user wrote it, rather than the library's terms.
            let flag = flag(for: error.setting)
            throw ValidationError("\(flag) must be \(error.requirement), got \(value(of: error.setting)).")
        }
    }

    func run() async throws {
        let line = (progress ?? (isatty(STDERR_FILENO) == 1)) ? ProgressLine() : nil
        let started = ContinuousClock.now
        var runner = DemoRunner(settings: try settings())
        if let line {
            runner.progress = { line.update($0) }
        }
        let report = try await runner.run()
        let realTime = String(format: "%.2f s", (ContinuousClock.now - started).seconds)
        line?.finish("[ToolOps] simulated both runs in \(realTime) of real time")
        print(json ? try report.json() : report.text)
    }

    /// The options as the settings of a run; not yet validated.
    private func settings() throws -> DemoSettings {
        DemoSettings(
            seed: seed,
            agents: agents,
            calls: calls,
            outageStart: try Self.duration(outageStart, flag: "--outage-start"),
            outageLength: try Self.duration(outageLength, flag: "--outage-length"),
            failureRate: failureRate,
            keptCacheDirectory: keepCache.map { URL(filePath: $0, directoryHint: .isDirectory) }
        )
    }

    /// The option's seconds as a `Duration`, to the millisecond.
    private static func duration(_ seconds: Double, flag: String) throws -> Duration {
        // Anything a `Duration` of milliseconds cannot hold would trap in the conversion; validation
        // rejects far smaller values anyway.
        guard seconds.isFinite, abs(seconds) < 1e12 else {
            throw ValidationError("\(flag) must be a finite number of seconds, got \(seconds).")
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    /// The option that sets `setting`.
    private func flag(for setting: DemoSettingsError.Setting) -> String {
        switch setting {
        case .agents: "--agents"
        case .calls: "--calls"
        case .outageStart: "--outage-start"
        case .outageLength: "--outage-length"
        case .failureRate: "--failure-rate"
        case .keptCacheDirectory: "--keep-cache"
        }
    }

    /// The value the user gave the option that sets `setting`, as they wrote it.
    private func value(of setting: DemoSettingsError.Setting) -> String {
        switch setting {
        case .agents: String(agents)
        case .calls: String(calls)
        case .outageStart: String(outageStart)
        case .outageLength: String(outageLength)
        case .failureRate: String(failureRate)
        case .keptCacheDirectory: keepCache ?? ""
        }
    }
}

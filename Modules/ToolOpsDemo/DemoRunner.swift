import Foundation
import ToolOps
import ToolOpsTesting

/// Runs the demo's workload twice — through ToolOps, then straight to the upstreams — and
/// builds the report comparing the two.
///
/// Time is simulated, so a run of hundreds of calls takes a fraction of a second, and the same
/// settings always give the same report. The runner never prints: it reports progress through
/// ``progress`` and returns the report for the caller to show.
///
/// ```swift
/// let runner = DemoRunner(settings: DemoSettings(seed: 7)) { progress in
///     FileHandle.standardError.write(Data((progress.description + "\n").utf8))
/// }
/// print(try await runner.run().text)
/// ```
public struct DemoRunner: Sendable {
    /// The namespace of the demo's entries in the file cache.
    static let fileCacheNamespace = "toolops-demo"

    /// What the run simulates.
    public let settings: DemoSettings
    /// Called after every step of virtual time, on the simulation's own thread; keep it quick.
    public var progress: (@Sendable (Progress) -> Void)?

    /// A runner for `settings` that reports progress to `progress`, if given.
    public init(settings: DemoSettings = DemoSettings(), progress: (@Sendable (Progress) -> Void)? = nil) {
        self.settings = settings
        self.progress = progress
    }

    /// Runs the workload through ToolOps, then without, and compares the two runs.
    ///
    /// - Throws: ``DemoSettingsError`` when the settings are out of range, before anything runs;
    ///   the file cache's error when its folder cannot be used.
    public func run() async throws -> DemoReport {
        try settings.validate()
        let workload = Workload(seed: settings.seed, agents: settings.agents, calls: settings.calls)
        let model = UpstreamModel(seed: settings.seed, outage: settings.outage, failureRate: settings.failureRate)
        let directory =
            settings.keptCacheDirectory
            ?? FileManager.default.temporaryDirectory.appending(path: "toolops-demo-\(UUID().uuidString)")
        defer {
            if settings.keptCacheDirectory == nil { try? FileManager.default.removeItem(at: directory) }
        }
        let with = try await runThroughToolOps(workload, model: model, cacheDirectory: directory)
        let without = try await runPhase("without", workload, model: model) { _, upstreams in
            DirectBackend(upstreams: upstreams)
        }
        let setup = DemoReport.Setup(
            seed: settings.seed,
            agents: settings.agents,
            calls: workload.totalCalls,
            outageStartSeconds: settings.outageStart.seconds,
            outageLengthSeconds: settings.outageLength.seconds,
            failureRate: settings.failureRate,
            fileCache: settings.keptCachePath ?? "temporary"
        )
        return DemoReport(setup: setup, toolops: with, withoutToolOps: without)
    }

    private func runThroughToolOps(
        _ workload: Workload,
        model: UpstreamModel,
        cacheDirectory: URL
    ) async throws -> PhaseResult {
        let tally = EventTally()
        var result = try await runPhase("ToolOps", workload, model: model) { clock, upstreams in
            let fileCache = try FileCache(
                configuration: .init(directory: cacheDirectory, namespace: Self.fileCacheNamespace, clock: clock)
            )
            // A kept folder may hold entries of an earlier run; start cold so the report is reproducible.
            try fileCache.invalidate(.all)
            let stores = CacheStoreRegistry()
            stores.register("memory", MemoryCache(configuration: .init(clock: clock)))
            stores.register("file", fileCache)
            let environment = ToolEnvironment(
                clock: clock,
                random: SeededRandom(seed: StableHash.value(seed: model.seed, ["retry-jitter"])),
                observer: tally
            )
            return try ToolOpsBackend(
                runtime: ToolRuntime(environment: environment, stores: stores), upstreams: upstreams)
        }
        result.add(tally)
        return result
    }

    /// Runs every agent of `workload` against the backend `makeBackend` builds, in virtual time.
    private func runPhase(
        _ name: String,
        _ workload: Workload,
        model: UpstreamModel,
        makeBackend: (SimulationClock, SimulatedUpstreams) throws -> any DemoBackend
    ) async throws -> PhaseResult {
        let clock = SimulationClock()
        let upstreams = SimulatedUpstreams(model: model, clock: clock)
        let backend = try makeBackend(clock, upstreams)
        let recorder = CallRecorder()
        let agents = workload.plans.map { plan in
            Agent(plan: plan, clock: clock, backend: backend, recorder: recorder)
        }
        let driver = SimulationDriver(executor: SimulationExecutor(), clock: clock)
        let total = workload.totalCalls
        let progress = progress
        let elapsed = try await driver.run(agents.map { agent in { await agent.run() } }) {
            let elapsed = clock.elapsed
            progress?(
                Progress(
                    run: name, completed: recorder.completed, total: total, elapsed: elapsed,
                    outage: model.isOutage(at: elapsed)))
        }
        return PhaseResult(outcomes: recorder.all, upstreamCalls: upstreams.calls, elapsed: elapsed)
    }
}

import Testing
import ToolOps
import ToolOpsCommands

@Suite("toolops metrics")
struct MetricsCommandTests {
    /// The value of the sample of `metric` whose labels include every one of `labels`.
    static func sample(_ exposition: String, _ metric: String, _ labels: [String]) -> String? {
        exposition.split(separator: "\n").first { line in
            line.hasPrefix(metric + "{") && labels.allSatisfy { line.contains($0) }
        }?.split(separator: " ").last.map(String.init)
    }

    @Test("the exposition has gauges per store and per tool, and the app's own metrics")
    func exposition() async throws {
        let app = try AppFixture()
        try await app.populate()

        let run = await CommandRun.run(["metrics"], application: app)
        #expect(run.error == nil, "\(run.errorMessage)")
        let text = run.standardOutput
        #expect(Self.sample(text, "toolops_cache_entries", [#"store="file""#, #"kind="file""#]) == "3.0")
        #expect(Self.sample(text, "toolops_cache_misses", [#"store="file""#]) == "3.0")
        #expect(Self.sample(text, "toolops_cache_up", [#"store="file""#]) == "1.0")
        #expect(Self.sample(text, "toolops_cache_entries", [#"store="neighbour""#]) == "0.0")
        #expect(Self.sample(text, "toolops_cache_tool_entries", [#"store="file""#, #"tool="search_docs""#]) == "2.0")
        #expect(Self.sample(text, "toolops_cache_tool_entries", [#"store="file""#, #"tool="get_weather""#]) == "1.0")
        // The app's ToolMetricsObserver counted the three calls into the same registry.
        #expect(text.contains("# TYPE app_calls_total counter"))
        #expect(text.contains("# TYPE toolops_cache_entries gauge"))
    }

    @Test("--serve checks its port before reading anything")
    func servePort() async throws {
        let app = try AppFixture()
        let run = await CommandRun.run(["metrics", "--serve", "70000"], application: app)
        #expect(run.exitCode == 64)
        #expect(run.errorMessage == "--serve must be a port (0-65535), got 70000.")
    }

    @Test("one-shot: a store that cannot be read is down in the exposition, named on stderr, and the status is 1")
    func failingStore() async throws {
        let stores = CacheStoreRegistry()
        stores.register("memory", MemoryCache())
        stores.register("broken", UnreadableStore())
        let run = await CommandRun.run(["metrics"], application: BareApplication(stores: stores, clock: SystemClock()))
        #expect(run.exitCode == 1)
        #expect(Self.sample(run.standardOutput, "toolops_cache_up", [#"store="memory""#]) == "1.0")
        #expect(Self.sample(run.standardOutput, "toolops_cache_up", [#"store="broken""#]) == "0.0")
        #expect(run.standardError == "Error: store 'broken' (UnreadableStore): the disk is gone\n")
    }
}

/// A store whose figures cannot be read.
struct UnreadableStore: CacheStore {
    struct Gone: Error, CustomStringConvertible {
        var description: String { "the disk is gone" }
    }
    func entry(for key: CallKey) async throws -> CacheEntry? { nil }
    func store(_ entry: CacheEntry, for key: CallKey) async throws {}
    func removeEntry(for key: CallKey) async throws -> Bool { false }
    func invalidate(_ scope: CacheScope) async throws -> Int { 0 }
    func sweep() async throws -> Int { 0 }
    func statistics() async throws -> CacheStatistics { throw Gone() }
}

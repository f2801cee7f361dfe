import Foundation
import Testing
import ToolOps
import ToolOpsConfiguration
import ToolOpsTesting

@Suite("Registry and runtime")
struct RegistryTests {
    static let tool = ToolID(name: "search_docs", version: "1")

    static func entry(_ text: String, at now: Timestamp) -> CacheEntry {
        CacheEntry(
            payload: Array(text.utf8), tool: tool, tags: [], storedAt: now, freshUntil: now.advanced(by: .seconds(60)),
            staleUntil: now.advanced(by: .seconds(60)))
    }

    @Test("the registry's memory and file stores work, the file store in <directory>/<namespace>")
    func memoryAndFileStores() async throws {
        let scratch = try Scratch()
        let configuration = try scratch.load(
            """
            default_store: disk
            defaults: {namespace: billing}
            stores:
              fast: {type: memory, max_entries: 2}
              disk: {type: file, directory: cache}
            """)
        let clock = ManualClock()
        let registry = try configuration.makeRegistry(clock: clock)
        #expect(registry.names == ["disk", "fast"])
        #expect(registry.defaultStoreName == "disk")
        // Lazily built: the folder appears when the store is first asked for.
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/cache"))

        let key = CallKey(tool: Self.tool, canonicalArguments: .object(["q": .string("invoices")]))
        let disk = try registry.store()
        #expect(disk is FileCache)
        try await disk.store(Self.entry("from disk", at: clock.now()), for: key)
        #expect(try await disk.entry(for: key)?.payload == Array("from disk".utf8))
        let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/cache/billing")
        #expect(!files.isEmpty)

        // A second registry over the same folder reads what the first wrote.
        let reopened = try configuration.makeRegistry(clock: clock).store(named: "disk")
        #expect(try await reopened.entry(for: key)?.payload == Array("from disk".utf8))

        let fast = try registry.store(named: "fast")
        #expect(fast is MemoryCache)
        for n in 0..<3 {
            let other = CallKey(tool: Self.tool, canonicalArguments: .int(Int64(n)))
            try await fast.store(Self.entry("\(n)", at: clock.now()), for: other)
        }
        // max_entries: 2 holds.
        #expect(try await fast.statistics().entries == 2)
    }

    @Test("a Postgres store is built on first use, with the configured names, without connecting")
    func postgresIsLazy() throws {
        let scratch = try Scratch()
        // Nothing listens on port 1: building the store must not try it.
        let configuration = try scratch.load(
            """
            defaults: {namespace: agents}
            stores:
              shared: {type: postgres, url: "postgresql://app:pw@127.0.0.1:1/app", schema: cache, table: entries}
            """)
        let registry = try configuration.makeRegistry()
        #expect(registry.names == ["shared"])
        let store = try registry.store(named: "shared")
        let postgres = try #require(store as? PostgresCache)
        #expect(postgres.configuration.connectionString == "postgresql://app:pw@127.0.0.1:1/app")
        #expect(postgres.configuration.namespace == "agents")
        #expect(postgres.configuration.schema == "cache")
        #expect(postgres.configuration.table == "entries")
        #expect(!postgres.isSkippingDatabase)
        #expect(registry.defaultStoreName == "shared")
    }

    @Test("a configuration built in code is checked by makeRegistry")
    func inCodeChecked() throws {
        let configuration = ToolOpsConfiguration(
            stores: [
                StoreConfiguration(name: "memory", kind: .memory()),
                StoreConfiguration(name: "shared", kind: .postgres(url: "host=db bogus=1")),
            ],
            defaultStore: "memroy")
        let error = #expect(throws: ConfigurationError.self) { try configuration.makeRegistry() }
        #expect(error?.key == "stores.shared.url")
        #expect(error?.message.hasPrefix("invalid connection string: invalid connection option \"bogus\"") == true)

        let wrongDefault = ToolOpsConfiguration(defaultStore: "memroy")
        let defaultError = #expect(throws: ConfigurationError.self) { try wrongDefault.makeRegistry() }
        #expect(
            defaultError?.description
                == "default_store: 'memroy' is not a configured store; did you mean 'memory'? (stores: memory)")
    }

    @Test("ToolRuntime(configuration:) uses the configured stores and default, and caches a tool's results there")
    func runtime() async throws {
        let scratch = try Scratch()
        let configuration = try scratch.load(
            "default_store: disk\nstores:\n  disk: {type: file, directory: cache}\n  memory: {type: memory}\n")
        let runtime = try ToolRuntime(configuration: configuration)
        #expect(runtime.stores.names == ["disk", "memory"])
        #expect(runtime.stores.defaultStoreName == "disk")

        let calls = Counter()
        let search = try runtime.readonly("search_docs", options: configuration.defaults.readOnlyOptions()) {
            (query: String) -> String in
            calls.increment()
            return "results for \(query)"
        }
        #expect(try await search("swift") == "results for swift")
        #expect(try await search("swift") == "results for swift")
        #expect(calls.value == 1)
        #expect(try await runtime.stores.store(named: "disk").statistics().entries == 1)
    }

    @Test("defaults.ttl and stale_ttl reach the tools built with readOnlyOptions(), and no others")
    func defaultsReachToolsThroughOptions() async throws {
        let configuration = try ToolOpsConfiguration(
            yaml: "defaults: {ttl: 1m, stale_ttl: 10m}\nstores:\n  memory: {type: memory}\n", environment: [:])
        let clock = ManualClock()
        let runtime = try ToolRuntime(configuration: configuration, environment: ToolEnvironment(clock: clock))
        let down = Flag()
        let calls = Counter()
        let upstream: @Sendable (String) async throws -> String = { query in
            _ = calls.increment()
            if down.value { throw ToolError(code: .upstream, message: "upstream down") }
            return "results for \(query)"
        }
        // No retries, timeouts or breaker: they would sleep on the manual clock.
        var options = configuration.defaults.readOnlyOptions()
        options.retries = 0
        options.timeout = nil
        options.circuitBreaker = false
        let configured = try runtime.readonly("configured", options: options, body: upstream)
        let plain = try runtime.readonly(
            "plain", options: ReadOnlyOptions(retries: 0, timeout: nil, circuitBreaker: false), body: upstream)
        _ = try await configured("swift")
        _ = try await plain("swift")
        #expect(calls.value == 2)

        clock.advance(by: .seconds(61))
        down.set(true)
        // Past defaults.ttl and the upstream down: served stale, within stale_ttl.
        #expect(try await configured("swift") == "results for swift")
        #expect(calls.value == 3)
        // Built with options of its own, the defaults do not apply: fresh for ReadOnlyOptions' hour.
        #expect(try await plain("swift") == "results for swift")
        #expect(calls.value == 3)

        clock.advance(by: .seconds(600))
        await #expect(throws: ToolError.self) { try await configured("swift") }
    }
}

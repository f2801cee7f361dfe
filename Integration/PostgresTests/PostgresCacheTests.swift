import Testing
import ToolOps
import ToolOpsTesting

/// A cache on its own table and namespace, so tests never see each other's rows.
func makeCache(
    namespace: String? = nil,
    schema: String = "toolops_it",
    table: String? = nil,
    clock: any ToolClock = ManualClock(),
    configure: (inout PostgresCache.Configuration) -> Void = { _ in }
) throws -> PostgresCache {
    var configuration = PostgresCache.Configuration(
        connectionString: TestServer.url!,
        namespace: namespace ?? TestServer.uniqueName("ns"),
        schema: schema,
        table: table ?? "entries",
        poolSize: 4,
        lockPoolSize: 2,
        clock: clock
    )
    configure(&configuration)
    return try PostgresCache(configuration: configuration)
}

func entry(
    _ text: String, tags: [String] = [], at now: Timestamp, ttl: Duration = .seconds(60), stale: Duration = .zero
)
    -> CacheEntry
{
    CacheEntry(
        payload: Array(text.utf8), tool: ToolID(name: "t"), tags: tags, storedAt: now,
        freshUntil: now.advanced(by: ttl), staleUntil: now.advanced(by: ttl + stale))
}

func key(_ name: String, tool: String = "lookup", version: String = "1") -> CallKey {
    CallKey(tool: ToolID(name: tool, version: version), canonicalArguments: .object(["q": .string(name)]))
}

extension PostgresIntegration {
    @Suite("PostgresCache", needsServer)
    struct PostgresCacheTests {
        @Test("an entry is fresh until its TTL, stale until its stale window, then gone")
        func freshness() async throws {
            let clock = ManualClock()
            let cache = try makeCache(clock: clock)
            let now = clock.now()
            try await cache.store(entry("v", at: now, ttl: .seconds(10), stale: .seconds(20)), for: key("a"))
            let fresh = try #require(try await cache.entry(for: key("a")))
            #expect(fresh.payload == Array("v".utf8))
            #expect(fresh.freshness(at: clock.now()) == .fresh)
            #expect(
                fresh.storedAt == now && fresh.freshUntil == now + .seconds(10)
                    && fresh.staleUntil == now + .seconds(30))
            clock.advance(by: .seconds(15))
            #expect(try await cache.entry(for: key("a"))?.freshness(at: clock.now()) == .stale)
            clock.advance(by: .seconds(15))
            #expect(try await cache.entry(for: key("a")) == nil)
            #expect(try await cache.entry(for: key("other")) == nil)
        }

        @Test("invalidation by tag, tool, key and namespace touches only what it names")
        func invalidation() async throws {
            let clock = ManualClock()
            let namespace = TestServer.uniqueName("ns")
            let cache = try makeCache(namespace: namespace, clock: clock)
            let neighbour = try makeCache(clock: clock)
            let now = clock.now()
            try await cache.store(entry("1", tags: ["red", "x'y"], at: now), for: key("1", tool: "alpha"))
            try await cache.store(entry("2", tags: ["blue"], at: now), for: key("2", tool: "alpha"))
            try await cache.store(entry("3", tags: ["red"], at: now), for: key("3", tool: "beta", version: "2"))
            try await cache.store(entry("4", at: now), for: key("4", tool: "beta"))
            try await neighbour.store(entry("n", tags: ["red"], at: now), for: key("1", tool: "alpha"))

            #expect(try await cache.invalidate(.tag("x'y")) == 1)
            #expect(try await cache.entry(for: key("1", tool: "alpha")) == nil)
            #expect(try await cache.invalidate(.tag("red")) == 1)
            #expect(try await cache.entry(for: key("3", tool: "beta", version: "2")) == nil)
            #expect(try await cache.removeEntry(for: key("4", tool: "beta")))
            #expect(try await cache.removeEntry(for: key("4", tool: "beta")) == false)
            #expect(try await cache.invalidate(.tool("alpha")) == 1)
            try await cache.store(entry("5", at: now), for: key("5"))
            #expect(try await cache.invalidate(.all) == 1)
            #expect(try await cache.statistics().entries == 0)
            // The other application's row is untouched by every one of those.
            #expect(try await neighbour.entry(for: key("1", tool: "alpha"))?.payload == Array("n".utf8))
        }

        @Test("namespace, tag, schema and table names full of SQL metacharacters are data, not SQL")
        func metacharacters() async throws {
            let clock = ManualClock()
            let weird = "x'); DROP TABLE entries; --\"$1 ∑"
            let cache = try makeCache(
                namespace: weird + TestServer.uniqueName(""), schema: "it \"schema\"; --", table: "tab'le\"; --",
                clock: clock)
            #expect(try await cache.prepare() == 1)
            let now = clock.now()
            try await cache.store(entry("v", tags: [weird, "{a,b}", "NULL", "back\\slash"], at: now), for: key(weird))
            let found = try #require(try await cache.entry(for: key(weird)))
            #expect(found.tags == [weird, "{a,b}", "NULL", "back\\slash"])
            #expect(try await cache.invalidate(.tag("{a,b}")) == 1)
            #expect(try await cache.invalidate(.tag(weird)) == 0)
        }

        @Test("sweep deletes expired rows in batches, and maxEntries drops the oldest")
        func sweepAndBound() async throws {
            let clock = ManualClock()
            let cache = try makeCache(clock: clock) {
                $0.sweepBatch = 7; $0.maxEntries = 5
            }
            for index in 0..<20 {
                try await cache.store(
                    entry("\(index)", at: clock.now(), ttl: .seconds(index < 12 ? 5 : 500)), for: key("\(index)"))
                clock.advance(by: .milliseconds(1))
            }
            clock.advance(by: .seconds(10))
            #expect(try await cache.sweep() == 12)
            let statistics = try await cache.statistics()
            #expect(statistics.entries == 5)
            #expect(statistics.expirations == 12)
            #expect(statistics.evictions == 3)
            // The newest five are the ones kept.
            for index in 15..<20 { #expect(try await cache.entry(for: key("\(index)")) != nil) }
            #expect(try await cache.entry(for: key("14")) == nil)
        }

        @Test("statistics per tool are shared through the table by every process of the namespace")
        func statistics() async throws {
            let clock = ManualClock()
            let namespace = TestServer.uniqueName("ns")
            let first = try makeCache(namespace: namespace, clock: clock)
            let second = try makeCache(namespace: namespace, clock: clock)
            let now = clock.now()
            try await first.store(entry("abc", tags: ["t"], at: now), for: key("1", tool: "alpha"))
            _ = try await first.entry(for: key("1", tool: "alpha"))
            _ = try await first.entry(for: key("1", tool: "alpha"))
            _ = try await first.entry(for: key("missing", tool: "alpha"))
            _ = try await second.entry(for: key("missing", tool: "beta"))
            try await first.flushStatistics()
            try await second.flushStatistics()
            let byTool = try await PostgresCache(configuration: first.configuration).toolStatistics()
            #expect(byTool["alpha"]?.entries == 1)
            #expect(byTool["alpha"]?.bytes == entry("abc", tags: ["t"], at: now).cost)
            #expect(byTool["alpha"]?.hits == 2)
            #expect(byTool["alpha"]?.misses == 1)
            #expect(byTool["alpha"]?.writes == 1)
            #expect(byTool["beta"]?.misses == 1)
            #expect(byTool["beta"]?.entries ?? 0 == 0)
        }

        @Test("concurrent writers on one key leave one whole row")
        func concurrentWriters() async throws {
            let clock = ManualClock()
            let cache = try makeCache(clock: clock)
            let payloads = (0..<40).map { String(repeating: "\($0 % 10)", count: 1000 + $0) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for payload in payloads {
                    group.addTask { try await cache.store(entry(payload, at: clock.now()), for: key("same")) }
                }
                try await group.waitForAll()
            }
            let found = try #require(try await cache.entry(for: key("same")))
            #expect(payloads.contains(String(decoding: found.payload, as: UTF8.self)))
            #expect(try await cache.statistics().entries == 1)
        }

        @Test("the schema is versioned, and a newer version is refused rather than downgraded")
        func schemaVersion() async throws {
            let table = TestServer.uniqueName("versioned")
            let cache = try makeCache(table: table)
            #expect(try await cache.prepare() == 1)
            let client = try TestServer.client(poolSize: 1)
            let version = try await client.query(
                "SELECT version FROM toolops_it.toolops_migrations WHERE component = $1", [.text(table)])
            #expect(try version.single().int() == 1)
            _ = try await client.query(
                "UPDATE toolops_it.toolops_migrations SET version = 99 WHERE component = $1", [.text(table)])
            let error = await #expect(throws: PostgresError.self) { try await makeCache(table: table).prepare() }
            #expect(error?.code == .invalidConfiguration)
            #expect(error?.message.contains("version 99") == true)
        }

        @Test("a bad configuration is a clear error at setup")
        func badConfiguration() throws {
            #expect(throws: PostgresError.self) {
                try makeCache { $0.connectionString = "host=localhost bogus_option=1" }
            }
            #expect(throws: PostgresError.self) { try makeCache(table: String(repeating: "t", count: 64)) }
            #expect(throws: PostgresError.self) { try makeCache { $0.namespace = "" } }
        }

        @Test("a table dropped by hand is created again on the next operation")
        func droppedTable() async throws {
            let clock = ManualClock()
            let table = TestServer.uniqueName("dropped")
            let cache = try makeCache(table: table, clock: clock)
            try await cache.store(entry("v", at: clock.now()), for: key("a"))
            _ = try await TestServer.client(poolSize: 1).query("DROP TABLE toolops_it.\"\(table)\"")
            await #expect(throws: CacheStoreError.self) { _ = try await cache.entry(for: key("a")) }
            try await cache.store(entry("w", at: clock.now()), for: key("a"))
            #expect(try await cache.entry(for: key("a"))?.payload == Array("w".utf8))
        }

        @Test("printing a configuration never shows the password")
        func maskedConfiguration() throws {
            let cache = try makeCache()
            let password = try #require(TestServer.password)
            #expect(!"\(cache.configuration)".contains(password))
            var dumped = ""
            dump(cache.configuration, to: &dumped)
            #expect(!dumped.contains(password))
            dumped = ""
            dump(cache.client.configuration, to: &dumped)
            #expect(!dumped.contains(password))
            #expect(!"\(cache.client.connectionString)".contains(password))
        }
    }
}

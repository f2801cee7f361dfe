import Foundation
import Testing
import ToolOps
import ToolOpsTesting

/// A cached tool whose store is `cache`, counting upstream calls and recording events.
struct CachedProbe {
    let tool: Tool<ProbeInput, ProbeOutput>
    let upstreamCalls: Counter
    let events: RecordingObserver

    init(cache: PostgresCache, clock: any ToolClock = SystemClock()) throws {
        let events = RecordingObserver()
        let runtime = ToolRuntime(
            environment: ToolEnvironment(clock: clock, observer: events), stores: CacheStoreRegistry())
        runtime.stores.register("postgres", cache)
        let upstreamCalls = Counter()
        tool = try runtime.readonly("probe", options: .init(cache: "postgres", ttl: .seconds(600), coalesce: false)) {
            (input: ProbeInput) async throws -> ProbeOutput in
            _ = upstreamCalls.increment()
            return ProbeOutput(answer: "answer to \(input.q)")
        }
        self.upstreamCalls = upstreamCalls
        self.events = events
    }

    func count(_ name: String) -> Int { events.events.filter { $0.kind.name == name }.count }

    func cacheErrors() -> [String] {
        events.events.compactMap { event in
            if case .cacheError(_, let error) = event.kind { return error.message }
            return nil
        }
    }
}

/// The test server's URL with another database name.
func url(database: String) -> String {
    var components = URLComponents(string: TestServer.url!)!
    components.path = "/" + database
    return components.string!
}

extension PostgresIntegration {
    @Suite("When the database misbehaves", needsServer, .serialized)
    struct DatabaseFailureTests {
        @Test("a server restart mid-run: the next calls reconnect and hit the cache again", needsRestart)
        func serverRestart() async throws {
            let cache = try makeCache(clock: SystemClock())
            let probe = try CachedProbe(cache: cache)
            #expect(try await probe.tool(ProbeInput(q: "a")) == ProbeOutput(answer: "answer to a"))
            TestServer.restart()
            #expect(try await probe.tool(ProbeInput(q: "a")) == ProbeOutput(answer: "answer to a"))
            #expect(probe.upstreamCalls.value == 1)
            #expect(probe.count("cache_hit") == 1)
            #expect(probe.cacheErrors().isEmpty)
        }

        @Test("terminating every backend of ours while calls run: no call fails, statements are replayed")
        func terminatedBackends() async throws {
            let application = TestServer.uniqueName("it_app")
            // The breaker is kept out of the way: this test counts what the replays save.
            let cache = try makeCache(clock: SystemClock()) {
                $0.applicationName = application
                $0.failureThreshold = 10_000
            }
            try await cache.prepare()
            let probe = try CachedProbe(cache: cache)
            let admin = try TestServer.client(poolSize: 1)
            var answered = 0
            for round in 0..<4 {
                answered += try await withThrowingTaskGroup(of: ProbeOutput.self) { group in
                    for index in 0..<100 {
                        group.addTask { try await probe.tool(ProbeInput(q: "\(index % 20)")) }
                        if index == 50 {
                            let terminated = try await admin.query(
                                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                    + "WHERE application_name LIKE $1) AS t",
                                [.text(application + "%")]
                            ).single().int()
                            #expect(terminated > 0 || round == 0, "round \(round) terminated no backend")
                        }
                    }
                    var answered = 0
                    for try await _ in group { answered += 1 }
                    return answered
                }
            }
            #expect(answered == 400)
            // Each statement that lost its connection ran again on a new one; only a statement
            // whose new session fell to the same wave may fail.
            let errors = probe.cacheErrors()
            #expect(errors.count <= 4, "cache errors: \(errors)")
            // Afterwards the store works normally: every key is a hit.
            let hitsBefore = probe.count("cache_hit")
            for index in 0..<20 { _ = try await probe.tool(ProbeInput(q: "\(index)")) }
            #expect(probe.count("cache_hit") == hitsBefore + 20)
        }

        @Test("a database that goes away: calls go live, the store is skipped, and caching resumes when it is back")
        func unreachableThenBack() async throws {
            let admin = try TestServer.client(poolSize: 1)
            let database = TestServer.uniqueName("it_db")
            _ = try await admin.query("CREATE DATABASE \"\(database)\"")
            defer {
                Task {
                    _ = try? await admin.query("ALTER DATABASE \"\(database)\" WITH ALLOW_CONNECTIONS true")
                    _ = try? await admin.query("DROP DATABASE \"\(database)\" WITH (FORCE)")
                }
            }
            let clock = ManualClock()
            let cache = try makeCache(clock: clock) {
                $0.connectionString = url(database: database)
                $0.failureThreshold = 3
                $0.retryAfter = .seconds(10)
            }
            let probe = try CachedProbe(cache: cache, clock: clock)
            #expect(try await probe.tool(ProbeInput(q: "x")) == ProbeOutput(answer: "answer to x"))

            // The database stops accepting connections and ours are cut.
            _ = try await admin.query("ALTER DATABASE \"\(database)\" WITH ALLOW_CONNECTIONS false")
            _ = try await admin.query(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [.text(database)])
            for index in 0..<6 {
                #expect(
                    try await probe.tool(ProbeInput(q: "down \(index)"))
                        == ProbeOutput(answer: "answer to down \(index)"))
            }
            let errors = probe.cacheErrors()
            #expect(errors.count >= 6)
            #expect(errors.contains { $0.contains("does not allow connections") || $0.contains("connection") })
            #expect(errors.suffix(2).allSatisfy { $0.contains("skipped") })
            #expect(cache.isSkippingDatabase)
            #expect(errors.allSatisfy { !$0.contains(TestServer.password ?? "\u{0}") })

            // Back up; after retryAfter one probe goes through and caching resumes.
            _ = try await admin.query("ALTER DATABASE \"\(database)\" WITH ALLOW_CONNECTIONS true")
            clock.advance(by: .seconds(11))
            #expect(try await probe.tool(ProbeInput(q: "x")) == ProbeOutput(answer: "answer to x"))
            #expect(!cache.isSkippingDatabase)
            let upstream = probe.upstreamCalls.value
            #expect(try await probe.tool(ProbeInput(q: "x")) == ProbeOutput(answer: "answer to x"))
            #expect(probe.upstreamCalls.value == upstream)
        }
    }
}

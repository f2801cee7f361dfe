import Testing
import ToolOps
import ToolOpsTesting

@Suite("Cache in the pipeline")
struct CachePipelineTests {
    @Test("a fresh hit answers without the upstream; bypass skips the cache; refresh rewrites it")
    func hitBypassRefresh() async throws {
        let harness = Harness()
        let upstream = ScriptedUpstream<Int>([.succeed(1), .succeed(2), .succeed(3)])
        let tool = try harness.runtime.readonly("counter") { (_: Query) in try await upstream() }
        #expect(try await tool(Query(id: 1)) == 1)
        #expect(try await tool(Query(id: 1)) == 1)
        #expect(upstream.calls == 1)
        #expect(try await tool(Query(id: 1), options: CallOptions(cache: .bypass)) == 2)
        #expect(try await tool(Query(id: 1)) == 1, "bypass must not write")
        #expect(try await tool(Query(id: 1), options: CallOptions(cache: .refresh)) == 3)
        #expect(try await tool(Query(id: 1)) == 3)
        #expect(harness.recorder.count("cache_hit") == 3)
    }

    @Test("a result expires after its TTL")
    func ttlExpiry() async throws {
        let harness = Harness()
        let upstream = ScriptedUpstream<Int>([.succeed(1), .succeed(2)])
        let tool = try harness.runtime.readonly("counter", options: ReadOnlyOptions(ttl: .seconds(60))) {
            (_: Query) in try await upstream()
        }
        _ = try await tool(Query(id: 1))
        harness.clock.advance(by: .seconds(59))
        #expect(try await tool(Query(id: 1)) == 1)
        harness.clock.advance(by: .seconds(2))
        #expect(try await tool(Query(id: 1)) == 2)
    }

    @Test("one coalesced flight writes the cache once")
    func oneWritePerFlight() async throws {
        let harness = Harness()
        let gate = Gate()
        let upstream = ScriptedUpstream<Int>([.wait(gate, then: .succeed(9))])
        let tool = try harness.runtime.readonly("slow") { (_: Query) in try await upstream() }
        let tasks = (0..<50).map { _ in Task { try await tool(Query(id: 1)) } }
        await gate.waitForWaiters(1)
        while harness.recorder.count("coalesced") < 49 { await Task.yield() }
        gate.open()
        for task in tasks { #expect(try await task.value == 9) }
        #expect(upstream.calls == 1)
        #expect(harness.recorder.count("cache_written") == 1)
        #expect(harness.recorder.count("coalesced") == 49)
    }

    @Test("empty results are not cached unless asked")
    func emptyResults() async throws {
        let harness = Harness()
        let upstream = ScriptedUpstream<[Int]>([.succeed([])], otherwise: .succeed([]))
        let plain = try harness.runtime.readonly("list_a") { (_: Query) in try await upstream() }
        _ = try await plain(Query(id: 1))
        _ = try await plain(Query(id: 1))
        #expect(upstream.calls == 2)
        let caching = try harness.runtime.readonly("list_b", options: ReadOnlyOptions(cacheEmptyResults: true)) {
            (_: Query) in try await upstream()
        }
        _ = try await caching(Query(id: 1))
        _ = try await caching(Query(id: 1))
        #expect(upstream.calls == 3)
    }

    @Test("invalidation by exact arguments, by tool and by tag")
    func invalidation() async throws {
        let harness = Harness()
        let upstream = ScriptedUpstream<Int>([.succeed(0)], otherwise: .succeed(0))
        let a = try harness.runtime.readonly("tool_a", options: ReadOnlyOptions(tags: ["crm"])) { (_: Query) in
            try await upstream()
        }
        let b = try harness.runtime.readonly("tool_b", options: ReadOnlyOptions(tags: ["billing"])) { (_: Query) in
            try await upstream()
        }
        for id in 1...3 {
            _ = try await a(Query(id: id))
            _ = try await b(Query(id: id))
        }
        #expect(upstream.calls == 6)
        #expect(try await harness.runtime.invalidate(a, input: Query(id: 1)))
        _ = try await a(Query(id: 1))
        _ = try await a(Query(id: 2))
        #expect(upstream.calls == 7)
        #expect(try await harness.runtime.invalidate(toolNamed: "tool_b") == 3)
        #expect(try await harness.runtime.invalidate(tag: "crm") == 3)
        #expect(harness.memory.statistics().entries == 0)
    }

    @Test("a store that is down is an event, and the tool keeps working on live calls")
    func brokenStore() async throws {
        let clock = ManualClock()
        let recorder = RecordingObserver()
        let stores = CacheStoreRegistry()
        stores.register("memory", BrokenStore())
        let runtime = ToolRuntime(environment: ToolEnvironment(clock: clock, observer: recorder), stores: stores)
        let upstream = ScriptedUpstream<Int>([.succeed(5)], otherwise: .succeed(5))
        let tool = try runtime.readonly("live") { (_: Query) in try await upstream() }
        #expect(try await tool(Query(id: 1)) == 5)
        #expect(try await tool(Query(id: 1)) == 5)
        #expect(upstream.calls == 2)
        #expect(recorder.count("cache_error") == 4)
        let event = try #require(recorder.events.first { $0.kind.name == "cache_error" })
        guard case .cacheError(let store, let error) = event.kind else { return }
        #expect(store == "memory")
        #expect(error.message.contains("connection refused"))
    }

    @Test("a sensitive argument never appears in any event, even through retries and the cache")
    func sensitiveNeverInEvents() async throws {
        struct Secret: Codable, Sendable { var city: String; var user_id: String; var access_token: String }
        let harness = Harness()
        let upstream = ScriptedUpstream<String>(
            [.fail(ToolError.upstream("bad token tok-SECRET-777 for u-555-abc", retryable: false))],
            otherwise: .succeed("ok")
        )
        let tool = try harness.runtime.readonly("secret_tool", sensitive: ["user_id"]) { (_: Secret) in
            try await upstream()
        }
        let input = Secret(city: "Paris", user_id: "u-555-abc", access_token: "tok-SECRET-777")
        let error = await #expect(throws: ToolError.self) { try await tool(input) }
        #expect(error?.message == "bad token *** for ***")
        _ = try await tool(input)
        _ = try await tool(input)
        #expect(harness.recorder.count("cache_hit") == 1)
        for event in harness.recorder.events {
            let text = String(describing: event)
            #expect(!text.contains("u-555-abc"))
            #expect(!text.contains("tok-SECRET-777"))
        }
        let other = try tool.key(for: Secret(city: "Paris", user_id: "u-556-abc", access_token: "tok-SECRET-777"))
        #expect(other != (try tool.key(for: input)))
    }
}

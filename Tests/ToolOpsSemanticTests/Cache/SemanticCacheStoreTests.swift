import Foundation
import Testing
import ToolOpsCore
import ToolOpsSemantic
import ToolOpsTesting

@Suite("Semantic cache with a store")
struct SemanticCacheStoreTests {
    @Test("answers persist: a new cache over the same store starts with them")
    func restart() async throws {
        let store = MemorySemanticStore()
        let first = SemanticFixture(store: store)
        try await first.remember("status of invoice 442", "paid")
        let restarted = SemanticFixture(store: store)
        let found = try await restarted.cache.lookup(restarted.query("what is the status of invoice 442"))
        #expect(restarted.answer(found.fresh) == "paid")
    }

    @Test("another process's answers and invalidations arrive after the sync interval")
    func otherProcesses() async throws {
        let store = MemorySemanticStore()
        let a = SemanticFixture(configuration: .init(syncInterval: .seconds(5)), store: store)
        let b = SemanticFixture(configuration: .init(syncInterval: .seconds(5)), store: store)
        _ = try await b.cache.lookup(b.query("warm up"))  // b has synchronised once
        try await a.remember("status of invoice 442", "paid")
        #expect(try await b.cache.lookup(b.query("status of invoice 442")).fresh == nil)  // not yet due
        b.clock.advance(by: .seconds(5))
        #expect(b.answer(try await b.cache.lookup(b.query("status of invoice 442")).fresh) == "paid")
        try await a.cache.invalidate(.tool("invoice_status"))
        b.clock.advance(by: .seconds(5))
        #expect(try await b.cache.lookup(b.query("status of invoice 442")).fresh == nil)
    }

    @Test("a new answer to the same text replaces the old one, here and in the store")
    func sameTextReplaces() async throws {
        let store = MemorySemanticStore()
        let fixture = SemanticFixture(store: store)
        let first = try await fixture.remember("status of invoice 442", "unpaid")
        try await fixture.remember("Status of invoice 442", "paid")
        #expect(fixture.cache.statistics().entries == 1)
        #expect(fixture.answer(try await fixture.cache.lookup(fixture.query("status of invoice 442")).fresh) == "paid")
        let restarted = SemanticFixture(store: store)
        try await restarted.cache.synchronize()
        #expect(restarted.cache.statistics().entries == 1)
        let log = try await store.changes(after: nil).changes.compactMap { change -> UInt64? in
            if case .removed(let id) = change { return id }
            return nil
        }
        #expect(log == [first])
    }

    @Test("a text without words is not stored anywhere (its vector is all zeros and matches nothing)")
    func wordlessTextNotStored() async throws {
        let store = MemorySemanticStore()
        let fixture = SemanticFixture(store: store)
        let id = try await fixture.cache.store(
            fixture.query("???"), vector: nil, value: Array("1".utf8), settings: fixture.settings)
        #expect(id == nil)
        #expect(store.count == 0)
        #expect(fixture.cache.statistics().entries == 0)
    }

    @Test("a failing store is counted; the cache keeps working in memory")
    func failingStore() async throws {
        let store = MemorySemanticStore()
        let fixture = SemanticFixture(store: store)
        store.fail(with: ToolError(code: .upstream, message: "database down"))
        try await fixture.remember("status of invoice 442", "paid")
        #expect(fixture.answer(try await fixture.cache.lookup(fixture.query("status of invoice 442")).fresh) == "paid")
        #expect(fixture.cache.statistics().storeErrors >= 2)  // the insert and the sync
    }

    @Test("evictions stay local: the shared store keeps answers other processes may still use")
    func evictionsStayLocal() async throws {
        let store = MemorySemanticStore()
        let fixture = SemanticFixture(configuration: .init(maxEntries: 1), store: store)
        try await fixture.remember("weather in Paris", "sunny")
        try await fixture.remember("weather in Rome", "hot")
        #expect(fixture.cache.statistics().entries == 1)
        let restarted = SemanticFixture(store: store)
        try await restarted.cache.synchronize()
        #expect(restarted.cache.statistics().entries == 2)
        #expect(try await restarted.cache.lookup(restarted.query("weather in Paris")).fresh != nil)
    }
}

@Suite("Semantic cache over a file store")
struct SemanticCacheFileStoreTests {
    @Test("two caches on one log file: answers survive a restart and cross between them")
    func sharedLog() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "toolops-semantic-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: file) }
        let clock = ManualClock()  // one clock: the store drops records expired by its own clock
        func store() throws -> FileSemanticStore {
            try FileSemanticStore(configuration: .init(file: file, clock: clock))
        }
        let a = SemanticFixture(configuration: .init(syncInterval: .seconds(1)), store: try store(), clock: clock)
        let b = SemanticFixture(configuration: .init(syncInterval: .seconds(1)), store: try store(), clock: clock)
        try await a.remember("status of invoice 442", "paid")
        let found = try await b.cache.lookup(b.query("what is the status of invoice 442"))
        #expect(b.answer(found.fresh) == "paid")
        let weather = ToolID(name: "weather")
        try await b.remember("weather in Paris", "sunny", tool: weather)
        try await a.cache.invalidate(.tool("invoice_status"))
        clock.advance(by: .seconds(1))
        #expect(a.answer(try await a.cache.lookup(a.query("weather in Paris", tool: weather)).fresh) == "sunny")
        #expect(try await b.cache.lookup(b.query("status of invoice 442")).fresh == nil)
        let restarted = SemanticFixture(store: try store(), clock: clock)
        try await restarted.cache.synchronize()
        #expect(restarted.cache.statistics().entries == 1)
    }
}

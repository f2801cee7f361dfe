import Testing
import ToolOpsCache
import ToolOpsCore
import ToolOpsTesting

@Suite("MemoryCache statistics")
struct MemoryCacheStatisticsTests {
    let clock = ManualClock()

    @Test("statistics count entries, bytes, hits, misses, writes and evictions")
    func counters() {
        let cache = MemoryCache(configuration: .init(maxEntries: 2, shards: 1, clock: clock))
        let first = Fixtures.entry("first", tags: ["t"], at: clock.now())
        let second = Fixtures.entry("second", at: clock.now())
        cache.store(first, for: Fixtures.key(1))
        cache.store(second, for: Fixtures.key(2))
        _ = cache.entry(for: Fixtures.key(1))
        _ = cache.entry(for: Fixtures.key(1))
        _ = cache.entry(for: Fixtures.key(9))
        #expect(
            cache.statistics()
                == CacheStatistics(entries: 2, bytes: first.cost + second.cost, hits: 2, misses: 1, writes: 2)
        )
        cache.store(Fixtures.entry("third", at: clock.now()), for: Fixtures.key(3))
        #expect(cache.statistics().evictions == 1)
        #expect(cache.statistics().writes == 3)
        #expect(cache.statistics().hitRate == 2.0 / 3.0)
    }

    @Test("the decoded value is kept, so a hit needs no decoding")
    func decodedKept() throws {
        struct Forecast: Sendable, Equatable { var degrees: Int }
        let cache = MemoryCache(configuration: .init(clock: clock))
        var entry = Fixtures.entry("{\"degrees\":21}", at: clock.now())
        entry.decoded = Forecast(degrees: 21)
        cache.store(entry, for: Fixtures.key(1))
        let hit = try #require(cache.entry(for: Fixtures.key(1)))
        #expect(hit.decoded as? Forecast == Forecast(degrees: 21))
    }

    @Test("a memory cache works through the CacheStore protocol")
    func throughProtocol() async throws {
        let store: any CacheStore = MemoryCache(configuration: .init(clock: clock))
        try await store.store(Fixtures.entry("v", at: clock.now()), for: Fixtures.key(1))
        #expect(Fixtures.text(try await store.entry(for: Fixtures.key(1))) == "v")
        #expect(try await store.statistics().hits == 1)
    }
}

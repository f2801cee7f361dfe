import Testing
import ToolOpsCache
import ToolOpsCore
import ToolOpsTesting

@Suite("MemoryCache expiry")
struct MemoryCacheExpiryTests {
    let clock = ManualClock()

    @Test("an entry is fresh, then stale, then expired and no longer returned")
    func freshStaleExpired() throws {
        let cache = MemoryCache(configuration: .init(clock: clock))
        let key = Fixtures.key(1)
        cache.store(Fixtures.entry("v", at: clock.now(), ttl: .seconds(60), stale: .seconds(30)), for: key)

        #expect(try #require(cache.entry(for: key)).freshness(at: clock.now()) == .fresh)
        clock.advance(by: .seconds(61))
        #expect(try #require(cache.entry(for: key)).freshness(at: clock.now()) == .stale)
        clock.advance(by: .seconds(30))
        #expect(cache.entry(for: key) == nil)

        let statistics = cache.statistics()
        #expect(statistics.entries == 0)
        #expect(statistics.bytes == 0)
        #expect(statistics.expirations == 1)
        #expect(statistics.hits == 2)
        #expect(statistics.misses == 1)
    }

    @Test("sweep removes every expired entry and only those")
    func sweep() {
        let cache = MemoryCache(configuration: .init(shards: 4, clock: clock))
        for n in 0..<10 {
            cache.store(Fixtures.entry("short", at: clock.now(), ttl: .seconds(10)), for: Fixtures.key(n))
        }
        for n in 10..<15 {
            cache.store(Fixtures.entry("long", at: clock.now(), ttl: .seconds(100)), for: Fixtures.key(n))
        }
        clock.advance(by: .seconds(50))
        #expect(cache.sweep() == 10)
        #expect(cache.statistics().entries == 5)
        #expect(cache.statistics().expirations == 10)
        #expect((10..<15).allSatisfy { cache.entry(for: Fixtures.key($0)) != nil })
    }

    @Test("writes clear out expired entries nobody asks for again")
    func amortisedSweep() {
        let cache = MemoryCache(configuration: .init(maxEntries: 1_000, shards: 1, clock: clock))
        for n in 0..<100 {
            cache.store(Fixtures.entry("old", at: clock.now(), ttl: .seconds(10)), for: Fixtures.key(n))
        }
        clock.advance(by: .seconds(20))
        for n in 100..<300 { cache.store(Fixtures.entry("new", at: clock.now()), for: Fixtures.key(n)) }
        let statistics = cache.statistics()
        #expect(statistics.entries == 200)
        #expect(statistics.expirations == 100)
        #expect(statistics.evictions == 0)
    }

    @Test("an entry stored already expired is not kept and replaces the previous one")
    func storeExpired() {
        let cache = MemoryCache(configuration: .init(clock: clock))
        let key = Fixtures.key(1)
        cache.store(Fixtures.entry("good", at: clock.now()), for: key)
        let past = clock.now().advanced(by: .seconds(-120))
        cache.store(Fixtures.entry("late", at: past, ttl: .seconds(60)), for: key)
        #expect(cache.entry(for: key) == nil)
        #expect(cache.statistics().entries == 0)
    }

    @Test("expired entries are evicted before they would count against the bounds")
    func expiredCountedAsExpirations() {
        let cache = MemoryCache(configuration: .init(maxEntries: 2, shards: 1, clock: clock))
        cache.store(Fixtures.entry("a", at: clock.now(), ttl: .seconds(5)), for: Fixtures.key(1))
        cache.store(Fixtures.entry("b", at: clock.now(), ttl: .seconds(500)), for: Fixtures.key(2))
        clock.advance(by: .seconds(10))
        cache.store(Fixtures.entry("c", at: clock.now()), for: Fixtures.key(3))
        let statistics = cache.statistics()
        #expect(statistics.entries == 2)
        #expect(statistics.expirations == 1)
        #expect(statistics.evictions == 0)
    }
}

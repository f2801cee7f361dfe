import Testing
import ToolOpsCache
import ToolOpsCore
import ToolOpsTesting

@Suite("MemoryCache invalidation")
struct MemoryCacheInvalidationTests {
    let clock = ManualClock()
    let weatherV2 = ToolID(name: "get_weather", version: "2")

    /// Two versions of the weather tool and the stock tool, with tags.
    func filledCache() -> MemoryCache {
        let cache = MemoryCache(configuration: .init(shards: 4, clock: clock))
        let now = clock.now()
        cache.store(Fixtures.entry("w1", tags: ["eu"], at: now), for: Fixtures.key(1))
        cache.store(Fixtures.entry("w2", tool: weatherV2, tags: ["us"], at: now), for: Fixtures.key(2, tool: weatherV2))
        cache.store(
            Fixtures.entry("s3", tool: Fixtures.stocks, tags: ["eu", "prices"], at: now),
            for: Fixtures.key(3, tool: Fixtures.stocks))
        cache.store(Fixtures.entry("s4", tool: Fixtures.stocks, at: now), for: Fixtures.key(4, tool: Fixtures.stocks))
        return cache
    }

    @Test("invalidating a tool removes every version of it and nothing else")
    func byTool() {
        let cache = filledCache()
        #expect(cache.invalidate(.tool("get_weather")) == 2)
        #expect(cache.entry(for: Fixtures.key(1)) == nil)
        #expect(cache.entry(for: Fixtures.key(2, tool: weatherV2)) == nil)
        #expect(cache.entry(for: Fixtures.key(3, tool: Fixtures.stocks)) != nil)
        #expect(cache.entry(for: Fixtures.key(4, tool: Fixtures.stocks)) != nil)
    }

    @Test("invalidating a tag removes the entries carrying it")
    func byTag() {
        let cache = filledCache()
        #expect(cache.invalidate(.tag("eu")) == 2)
        #expect(cache.entry(for: Fixtures.key(1)) == nil)
        #expect(cache.entry(for: Fixtures.key(3, tool: Fixtures.stocks)) == nil)
        #expect(cache.statistics().entries == 2)
    }

    @Test("invalidating everything empties the cache")
    func all() {
        let cache = filledCache()
        #expect(cache.invalidate(.all) == 4)
        #expect(cache.statistics().entries == 0)
        #expect(cache.statistics().bytes == 0)
        cache.store(Fixtures.entry("again", at: clock.now()), for: Fixtures.key(1))
        #expect(Fixtures.text(cache.entry(for: Fixtures.key(1))) == "again")
    }

    @Test("removing an entry reports whether it was there")
    func removeEntry() {
        let cache = filledCache()
        #expect(cache.removeEntry(for: Fixtures.key(1)))
        #expect(!cache.removeEntry(for: Fixtures.key(1)))
        #expect(cache.entry(for: Fixtures.key(1)) == nil)
        #expect(cache.statistics().entries == 3)
    }
}

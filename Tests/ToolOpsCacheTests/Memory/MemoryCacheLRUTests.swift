import Testing
import ToolOpsCache
import ToolOpsCore
import ToolOpsTesting

@Suite("MemoryCache recency")
struct MemoryCacheLRUTests {
    let clock = ManualClock()

    func cache(maxEntries: Int) -> MemoryCache {
        MemoryCache(configuration: .init(maxEntries: maxEntries, shards: 1, clock: clock))
    }

    @Test("the least recently stored entry is evicted first")
    func evictsOldest() {
        let cache = cache(maxEntries: 3)
        for n in 1...4 { cache.store(Fixtures.entry("v\(n)", at: clock.now()), for: Fixtures.key(n)) }
        #expect(cache.entry(for: Fixtures.key(1)) == nil)
        #expect((2...4).map { Fixtures.text(cache.entry(for: Fixtures.key($0))) } == ["v2", "v3", "v4"])
        #expect(cache.statistics().evictions == 1)
    }

    @Test("a lookup makes an entry recently used, so the least recently used one goes instead")
    func lookupRefreshes() {
        let cache = cache(maxEntries: 3)
        for n in 1...3 { cache.store(Fixtures.entry("v\(n)", at: clock.now()), for: Fixtures.key(n)) }
        #expect(cache.entry(for: Fixtures.key(1)) != nil)
        cache.store(Fixtures.entry("v4", at: clock.now()), for: Fixtures.key(4))
        #expect(cache.entry(for: Fixtures.key(2)) == nil)
        #expect(Fixtures.text(cache.entry(for: Fixtures.key(1))) == "v1")
        #expect(cache.entry(for: Fixtures.key(3)) != nil)
    }

    @Test("storing a key again replaces its entry and refreshes it")
    func replaceRefreshes() {
        let cache = cache(maxEntries: 2)
        cache.store(Fixtures.entry("old", at: clock.now()), for: Fixtures.key(1))
        cache.store(Fixtures.entry("v2", at: clock.now()), for: Fixtures.key(2))
        cache.store(Fixtures.entry("new", at: clock.now()), for: Fixtures.key(1))
        #expect(cache.statistics().entries == 2)
        cache.store(Fixtures.entry("v3", at: clock.now()), for: Fixtures.key(3))
        #expect(cache.entry(for: Fixtures.key(2)) == nil)
        #expect(Fixtures.text(cache.entry(for: Fixtures.key(1))) == "new")
    }

    @Test("recency is kept over a long mixed sequence of stores, lookups and removals")
    func longSequence() {
        // Compare against a straightforward model of LRU order.
        let capacity = 64
        let cache = cache(maxEntries: capacity)
        var model: [Int] = []  // least recent first
        var disagreements = 0
        let random = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            let n = Int(random.nextUInt64() % 160)
            switch random.nextUInt64() % 5 {
            case 0, 1:
                cache.store(Fixtures.entry("v\(n)", at: clock.now()), for: Fixtures.key(n))
                model.removeAll { $0 == n }
                model.append(n)
                if model.count > capacity { model.removeFirst() }
            case 2, 3:
                let hit = Fixtures.text(cache.entry(for: Fixtures.key(n)))
                if hit != (model.contains(n) ? "v\(n)" : nil) { disagreements += 1 }
                if hit != nil {
                    model.removeAll { $0 == n }
                    model.append(n)
                }
            default:
                if cache.removeEntry(for: Fixtures.key(n)) != model.contains(n) { disagreements += 1 }
                model.removeAll { $0 == n }
            }
        }
        #expect(disagreements == 0)
        #expect(cache.statistics().entries == model.count)
        #expect(model.allSatisfy { cache.entry(for: Fixtures.key($0)) != nil })
    }
}

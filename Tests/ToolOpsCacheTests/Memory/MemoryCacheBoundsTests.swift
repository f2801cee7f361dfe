import Synchronization
import Testing
import ToolOpsCache
import ToolOpsCore
import ToolOpsTesting

@Suite("MemoryCache bounds")
struct MemoryCacheBoundsTests {
    let clock = ManualClock()

    @Test("the entry bound holds exactly across shards")
    func entryBound() {
        let cache = MemoryCache(configuration: .init(maxEntries: 100, shards: 8, clock: clock))
        for n in 0..<1_000 { cache.store(Fixtures.entry("v", at: clock.now()), for: Fixtures.key(n)) }
        let statistics = cache.statistics()
        #expect(statistics.entries == 100)
        #expect(statistics.evictions == 900)
        #expect((0..<1_000).filter { cache.entry(for: Fixtures.key($0)) != nil }.count == 100)
    }

    @Test("the byte bound holds, counted with the entry cost")
    func byteBound() {
        let payload = String(repeating: "x", count: 840)  // cost 1,000 with no tags
        let cache = MemoryCache(configuration: .init(maxBytes: 10_500, shards: 1, clock: clock))
        #expect(Fixtures.entry(payload, at: clock.now()).cost == 1_000)
        for n in 0..<50 { cache.store(Fixtures.entry(payload, at: clock.now()), for: Fixtures.key(n)) }
        let statistics = cache.statistics()
        #expect(statistics.bytes == 10_000)
        #expect(statistics.entries == 10)
        #expect(statistics.evictions == 40)
    }

    @Test("an entry larger than a shard's share of the bytes is not kept")
    func oversizedEntry() {
        let cache = MemoryCache(configuration: .init(maxBytes: 1_000, shards: 1, clock: clock))
        cache.store(Fixtures.entry("small", at: clock.now()), for: Fixtures.key(1))
        cache.store(Fixtures.entry(String(repeating: "x", count: 2_000), at: clock.now()), for: Fixtures.key(2))
        #expect(cache.entry(for: Fixtures.key(2)) == nil)
        #expect(cache.entry(for: Fixtures.key(1)) != nil)
        #expect(cache.statistics().bytes <= 1_000)
    }

    @Test("the shard count is a power of two, and never more than the entries")
    func shardCount() {
        #expect(MemoryCache(configuration: .init(maxEntries: 100)).shardCount == 1)
        #expect(MemoryCache(configuration: .init(maxEntries: 3, shards: 8)).shardCount == 2)
        #expect(MemoryCache(configuration: .init(shards: 6)).shardCount == 4)
        let automatic = MemoryCache.Configuration().shards
        #expect(automatic >= 1 && automatic & (automatic - 1) == 0)
    }

    @Test("LRU bound holds under concurrent writers")
    func concurrentWriters() async {
        let maxBytes = 150_000
        let cache = MemoryCache(configuration: .init(maxEntries: 1_000, maxBytes: maxBytes, shards: 8, clock: clock))
        let now = clock.now()
        let finished = Finished()
        let largest = await withTaskGroup(of: (entries: Int, bytes: Int).self) { group in
            group.addTask {
                // Watches the bounds while the writers run.
                var largest = (entries: 0, bytes: 0)
                repeat {
                    let statistics = cache.statistics()
                    largest = (max(largest.entries, statistics.entries), max(largest.bytes, statistics.bytes))
                    await Task.yield()
                } while !finished.flag.load(ordering: .acquiring)
                return largest
            }
            group.addTask {
                await withTaskGroup(of: Void.self) { writers in
                    for writer in 0..<8 {
                        writers.addTask {
                            for n in 0..<2_500 {
                                let payload = String(repeating: "x", count: n % 40)
                                cache.store(Fixtures.entry(payload, at: now), for: Fixtures.key(writer * 2_500 + n))
                                if n % 100 == 0 { await Task.yield() }
                            }
                        }
                    }
                }
                finished.flag.store(true, ordering: .releasing)
                return (0, 0)
            }
            var largest = (entries: 0, bytes: 0)
            for await seen in group {
                largest = (max(largest.entries, seen.entries), max(largest.bytes, seen.bytes))
            }
            return largest
        }
        let statistics = cache.statistics()
        #expect(largest.entries <= 1_000)
        #expect(largest.bytes <= maxBytes)
        #expect(statistics.entries <= 1_000)
        #expect(statistics.bytes <= maxBytes)
        #expect(statistics.writes == 20_000)
        #expect(statistics.evictions == 20_000 - statistics.entries)
        #expect(statistics.evictions >= 19_000)
    }
}

/// Tells the watcher the writers are done.
private final class Finished: Sendable {
    let flag = Atomic<Bool>(false)
}

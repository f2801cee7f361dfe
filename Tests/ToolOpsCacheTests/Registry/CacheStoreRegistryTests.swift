import Synchronization
import Testing
import ToolOpsCache
import ToolOpsCore
import ToolOpsTesting

@Suite("CacheStoreRegistry")
struct CacheStoreRegistryTests {
    @Test("an unknown store name throws misconfigured, naming it and the registered stores")
    func unknownName() {
        let registry = CacheStoreRegistry()
        registry.register("memory", MemoryCache())
        registry.register("disk") { MemoryCache() }
        let error = #expect(throws: ToolError.self) { try registry.store(named: "redis") }
        #expect(error?.code == .misconfigured)
        #expect(error?.message.contains("'redis'") == true)
        #expect(error?.message.contains("'disk', 'memory'") == true)
    }

    @Test("a factory is called once, on first use, even by concurrent callers")
    func factoryOnce() async throws {
        let registry = CacheStoreRegistry()
        let calls = Counter()
        registry.register("lazy") {
            calls.value.add(1, ordering: .relaxed)
            return MemoryCache()
        }
        #expect(calls.value.load(ordering: .relaxed) == 0)
        let stores = try await withThrowingTaskGroup(of: ObjectIdentifier.self) { group in
            for _ in 0..<16 {
                group.addTask { ObjectIdentifier(try registry.store(named: "lazy") as! MemoryCache) }
            }
            return try await group.reduce(into: Set<ObjectIdentifier>()) { $0.insert($1) }
        }
        #expect(calls.value.load(ordering: .relaxed) == 1)
        #expect(stores.count == 1)
    }

    @Test("a factory that throws is tried again on the next request")
    func failingFactoryRetried() throws {
        let registry = CacheStoreRegistry()
        let calls = Counter()
        registry.register("flaky") {
            if calls.value.add(1, ordering: .relaxed).newValue == 1 {
                throw ToolError.misconfigured("not yet")
            }
            return MemoryCache()
        }
        #expect(throws: ToolError.self) { try registry.store(named: "flaky") }
        #expect(try registry.store(named: "flaky") is MemoryCache)
        #expect(calls.value.load(ordering: .relaxed) == 2)
    }

    @Test("a factory may build on another registered store")
    func layeredFactory() throws {
        let registry = CacheStoreRegistry()
        let base = MemoryCache()
        registry.register("base", base)
        registry.register("layered") { try registry.store(named: "base") }
        #expect(try registry.store(named: "layered") as? MemoryCache === base)
    }

    @Test("the default store is 'memory' until another name is chosen")
    func defaultStore() throws {
        let registry = CacheStoreRegistry()
        #expect(registry.defaultStoreName == "memory")
        #expect(throws: ToolError.self) { try registry.store() }
        let memory = MemoryCache()
        let other = MemoryCache()
        registry.register("memory", memory)
        registry.register("other", other)
        #expect(try registry.store() as? MemoryCache === memory)
        registry.defaultStoreName = "other"
        #expect(try registry.store() as? MemoryCache === other)
        #expect(registry.names == ["memory", "other"])
    }

    @Test("the standard registry has a memory store as default and a file store")
    func standard() throws {
        let clock = ManualClock()
        let registry = CacheStoreRegistry.standard(clock: clock)
        #expect(registry.names == ["file", "memory"])
        #expect(registry.defaultStoreName == "memory")
        let memory = try #require(try registry.store() as? MemoryCache)
        #expect(memory.configuration.clock as? ManualClock === clock)
    }
}

/// Counts factory calls across tasks.
private final class Counter: Sendable {
    let value = Atomic<Int>(0)
}

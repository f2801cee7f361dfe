import Synchronization
import Testing
import ToolOps
import ToolOpsTesting

/// A shared store stand-in: a memory store plus a scripted fill coordinator that records what
/// the fill stage does with its leases.
final class CoordinatedStore: CacheStore {
    let memory: MemoryCache
    let coordinator: ScriptedCoordinator

    init(memory: MemoryCache, coordinator: ScriptedCoordinator) {
        self.memory = memory
        self.coordinator = coordinator
    }

    func entry(for key: CallKey) async throws -> CacheEntry? { memory.entry(for: key) }
    func store(_ entry: CacheEntry, for key: CallKey) async throws { memory.store(entry, for: key) }
    func removeEntry(for key: CallKey) async throws -> Bool { memory.removeEntry(for: key) }
    func invalidate(_ scope: CacheScope) async throws -> Int { memory.invalidate(scope) }
    func sweep() async throws -> Int { memory.sweep() }
    func statistics() async throws -> CacheStatistics { memory.statistics() }
    var fillCoordinator: (any CacheFillCoordinator)? { coordinator }
}

final class ScriptedCoordinator: CacheFillCoordinator {
    struct Unavailable: Error, CustomStringConvertible {
        var description: String { "lock server unreachable" }
    }

    /// What the next lease finds under the key (written by "another process"), or an error.
    let nextExisting = Mutex<Result<CacheEntry?, Unavailable>>(.success(nil))
    let acquired = Counter()
    /// For each release: how many entries the store held at that moment.
    let releases = Mutex<[Int]>([])
    let memory: MemoryCache

    init(memory: MemoryCache) { self.memory = memory }

    func acquireFill(for key: CallKey) async throws -> any CacheFillLease {
        _ = acquired.increment()
        let existing = try nextExisting.withLock { try $0.get() }
        return Lease(existing: existing) { [self] in
            let held = memory.statistics().entries
            releases.withLock { $0.append(held) }
        }
    }

    struct Lease: CacheFillLease {
        let existing: CacheEntry?
        let onRelease: @Sendable () -> Void
        func release() async { onRelease() }
    }
}

@Suite("Fill coordination with a shared store")
struct FillCoordinationTests {
    let harness = Harness()
    let store: CoordinatedStore

    init() {
        let coordinator = ScriptedCoordinator(memory: harness.memory)
        store = CoordinatedStore(memory: harness.memory, coordinator: coordinator)
        harness.runtime.stores.register("shared", store)
    }

    func entry(_ value: Int, freshFor ttl: Duration) -> CacheEntry {
        let now = harness.clock.now()
        return CacheEntry(
            payload: Array("\(value)".utf8), tool: ToolID(name: "price"), storedAt: now,
            freshUntil: now.advanced(by: ttl), staleUntil: now.advanced(by: ttl))
    }

    @Test("a fresh entry written by another process while waiting answers the call, with no upstream call")
    func filledElsewhere() async throws {
        let upstream = ScriptedUpstream<Int>([.succeed(1)])
        let tool = try harness.runtime.readonly("price", options: .init(cache: "shared")) { (_: Query) in
            try await upstream()
        }
        store.coordinator.nextExisting.withLock { $0 = .success(entry(42, freshFor: .seconds(60))) }
        #expect(try await tool(Query(id: 1)) == 42)
        #expect(upstream.calls == 0)
        #expect(harness.recorder.count("coalesced_remote") == 1)
        #expect(store.coordinator.releases.withLock { $0 } == [0])
    }

    @Test("with nothing there, the lease holder calls the upstream and releases only after writing")
    func fillsThenReleases() async throws {
        let upstream = ScriptedUpstream<Int>([.succeed(7)])
        let tool = try harness.runtime.readonly("price", options: .init(cache: "shared")) { (_: Query) in
            try await upstream()
        }
        store.coordinator.nextExisting.withLock { $0 = .success(entry(1, freshFor: .zero)) }  // expired: ignored
        #expect(try await tool(Query(id: 1)) == 7)
        #expect(upstream.calls == 1)
        #expect(store.coordinator.releases.withLock { $0 } == [1], "the entry is written before the lease goes")
        #expect(try await tool(Query(id: 1)) == 7)
        #expect(store.coordinator.acquired.value == 1, "a hit takes no lease")
    }

    @Test("a lease that cannot be had is a cacheError, and the call goes on to the upstream")
    func unavailable() async throws {
        let upstream = ScriptedUpstream<Int>([.succeed(5)])
        let tool = try harness.runtime.readonly("price", options: .init(cache: "shared")) { (_: Query) in
            try await upstream()
        }
        store.coordinator.nextExisting.withLock { $0 = .failure(.init()) }
        #expect(try await tool(Query(id: 1)) == 5)
        #expect(harness.recorder.count("cache_error") == 1)
        #expect(harness.recorder.count("cache_written") == 1)
    }

    @Test("a failing upstream still releases the lease; a bypassing call takes none")
    func failureAndBypass() async throws {
        let upstream = ScriptedUpstream<Int>(
            [.fail(ToolError(code: .upstream, message: "boom"))], otherwise: .succeed(3))
        let tool = try harness.runtime.readonly("price", options: .init(cache: "shared", retries: 0)) {
            (_: Query) in try await upstream()
        }
        await #expect(throws: ToolError.self) { try await tool(Query(id: 1)) }
        #expect(store.coordinator.releases.withLock { $0 }.count == 1)
        #expect(try await tool(Query(id: 2), options: CallOptions(cache: .bypass)) == 3)
        #expect(store.coordinator.acquired.value == 1)
    }
}

import ToolOps
import ToolOpsTesting

struct Query: Codable, Sendable, Equatable {
    var id: Int
    var region: String = "eu"
}

struct Quote: Codable, Sendable, Equatable {
    var symbol: String
    var price: Double
}

/// A runtime on a manual clock with a recording observer, and a memory store called "memory".
struct Harness {
    let clock = ManualClock()
    let recorder = RecordingObserver()
    let runtime: ToolRuntime
    let memory: MemoryCache

    init() {
        memory = MemoryCache(configuration: .init(clock: clock))
        let stores = CacheStoreRegistry()
        stores.register("memory", memory)
        runtime = ToolRuntime(
            environment: ToolEnvironment(clock: clock, random: FixedRandom(0.5), observer: recorder),
            stores: stores
        )
    }
}

/// A store that is down: every operation throws.
struct BrokenStore: CacheStore {
    struct Down: Error, CustomStringConvertible {
        var description: String { "connection refused" }
    }
    func entry(for key: CallKey) async throws -> CacheEntry? { throw Down() }
    func store(_ entry: CacheEntry, for key: CallKey) async throws { throw Down() }
    func removeEntry(for key: CallKey) async throws -> Bool { throw Down() }
    func invalidate(_ scope: CacheScope) async throws -> Int { throw Down() }
    func sweep() async throws -> Int { throw Down() }
    func statistics() async throws -> CacheStatistics { throw Down() }
}

import Testing
import ToolOpsCore

@testable import ToolOpsPostgres

@Suite("PostgresCache configuration")
struct PostgresCacheConfigurationTests {
    func configuration(_ change: (inout PostgresCache.Configuration) -> Void) -> PostgresCache.Configuration {
        var configuration = PostgresCache.Configuration(connectionString: "host=127.0.0.1 port=1")
        change(&configuration)
        return configuration
    }

    @Test("each bad setting is refused at setup with its name")
    func validation() {
        let cases: [(String, (inout PostgresCache.Configuration) -> Void)] = [
            ("namespace", { $0.namespace = "" }),
            ("lockPoolSize", { $0.lockPoolSize = 0 }),
            ("lockTimeout", { $0.lockTimeout = .zero }),
            ("sweepBatch", { $0.sweepBatch = 0 }),
            ("maxEntries", { $0.maxEntries = 0 }),
            ("failureThreshold", { $0.failureThreshold = 0 }),
            ("schema", { $0.schema = "" }),
            ("table", { $0.table = String(repeating: "t", count: 70) }),
            ("poolSize", { $0.poolSize = 0 }),
            ("connection string", { $0.connectionString = "" }),
        ]
        for (field, change) in cases {
            let error = #expect(throws: PostgresError.self, "\(field)") {
                try PostgresCache(configuration: configuration(change))
            }
            #expect(
                error?.message.contains(field) == true || error?.code == .invalidConnectionString,
                "\(field): \(String(describing: error))")
        }
    }

    @Test("no connection opens at setup: a cache on an unreachable server is created fine")
    func lazy() throws {
        let cache = try PostgresCache(configuration: configuration { _ in })
        #expect(cache.client.idleConnections == 8)
        #expect(cache.fillCoordinator != nil)
        let off = try PostgresCache(configuration: configuration { $0.crossProcessCoalescing = false })
        #expect(off.fillCoordinator == nil)
    }

    @Test("lock ids differ between namespaces for the same key")
    func lockIDs() throws {
        let first = try PostgresCache(configuration: configuration { $0.namespace = "a" })
        let second = try PostgresCache(configuration: configuration { $0.namespace = "b" })
        let key = CallKey(tool: ToolID(name: "t"), canonicalArguments: .object([:]))
        let lockA = (first.fillCoordinator as! AdvisoryLockCoordinator).lockID(for: key)
        let lockB = (second.fillCoordinator as! AdvisoryLockCoordinator).lockID(for: key)
        #expect(lockA != lockB)
    }
}

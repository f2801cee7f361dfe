import Foundation
import Testing
import ToolOps
import ToolOpsCommands
import ToolOpsConfiguration
import ToolOpsTesting

/// An app that counts how often the commands shut its runtime down and, with `hang`, does not
/// finish doing it until the gate opens (ignoring cancellation).
final class ShutdownRecordingApp: ToolOpsApplication {
    let stores: CacheStoreRegistry
    let clock: any ToolClock
    let hang: Gate?
    let shutdowns = Counter()

    init(stores: CacheStoreRegistry, clock: any ToolClock = SystemClock(), hang: Gate? = nil) {
        self.stores = stores
        self.clock = clock
        self.hang = hang
    }

    func makeRuntime(configuration: ToolOpsConfiguration) async throws -> ToolRuntime {
        ToolRuntime(environment: ToolEnvironment(clock: clock), stores: stores)
    }

    func shutdown(runtime: ToolRuntime) async {
        _ = shutdowns.increment()
        if let hang { await Task.detached { try? await hang.wait() }.value }
    }
}

/// A PostgreSQL store pointing at a port nothing listens on: building it opens nothing.
func unreachablePostgres() throws -> PostgresCache {
    try PostgresCache(
        configuration: .init(connectionString: "postgresql://toolops@127.0.0.1:1/toolops", connectTimeout: .seconds(2)))
}

@Suite("Shutting down the stores a command opened")
struct ShutdownTests {
    static let storeCommands: [[String]] = [
        ["doctor"], ["stats"], ["stats", "--store", "nope"], ["clear", "memory", "--yes"],
        ["invalidate", "--tag", "docs"], ["inspect", "--tool", "t", "--args", "{}"], ["metrics"],
    ]

    @Test(
        "every store command shuts the runtime down once, when it succeeds and when it fails", arguments: storeCommands)
    func everyCommand(arguments: [String]) async throws {
        let stores = CacheStoreRegistry()
        stores.register("memory", MemoryCache())
        let app = ShutdownRecordingApp(stores: stores)
        _ = await CommandRun.run(arguments, application: app)
        #expect(app.shutdowns.value == 1)
    }

    @Test("a usage mistake or config check builds no runtime and shuts nothing down")
    func noRuntime() async throws {
        let app = ShutdownRecordingApp(stores: CacheStoreRegistry())
        _ = await CommandRun.run(["stats", "--top", "0"], application: app)
        _ = await CommandRun.run(["config", "check"], application: app)
        #expect(app.shutdowns.value == 0)
    }

    @Test("by default, the PostgreSQL stores already built are shut down; stores never built stay unbuilt")
    func defaultShutsDownBuiltPostgres() async throws {
        let built = try unreachablePostgres()
        let factoryRuns = Counter()
        let stores = CacheStoreRegistry()
        stores.register("memory", MemoryCache())
        stores.register("shared", built)
        stores.register("lazy") {
            _ = factoryRuns.increment()
            return try unreachablePostgres()
        }
        let run = await CommandRun.run(
            ["stats", "--store", "memory"], application: BareApplication(stores: stores, clock: SystemClock()))
        #expect(run.error == nil, "\(run.errorMessage)")
        #expect(factoryRuns.value == 0)
        // Shut down: no connection is even attempted any more.
        let error = await #expect(throws: PostgresError.self) { try await built.client.query("SELECT 1") }
        #expect(error?.code == .closed)
    }

    @Test("the registry lists the stores built so far, and builds none to do so")
    func builtStores() throws {
        let factoryRuns = Counter()
        let stores = CacheStoreRegistry()
        let memory = MemoryCache()
        stores.register("memory", memory)
        stores.register("later") {
            _ = factoryRuns.increment()
            return MemoryCache()
        }
        stores.register("asked") { MemoryCache() }
        _ = try stores.store(named: "asked")
        stores.register("broken") { throw CacheStoreError(store: "broken", message: "cannot open") }
        _ = try? stores.store(named: "broken")

        let built = stores.builtStores()
        #expect(built.map(\.name) == ["asked", "memory"])
        #expect(built.last?.store as? MemoryCache === memory)
        #expect(factoryRuns.value == 0)
    }

    @Test(
        "a shutdown that hangs is given up after 5 s on the environment's clock, with a warning",
        .timeLimit(.minutes(1)))
    func boundedShutdown() async throws {
        let clock = ManualClock()
        let gate = Gate()
        let stores = CacheStoreRegistry()
        stores.register("memory", MemoryCache())
        let app = ShutdownRecordingApp(stores: stores, clock: clock, hang: gate)
        let running = Task { await CommandRun.run(["stats", "--json"], application: app, clock: clock) }
        await gate.waitForWaiters(1)
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(4999))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .milliseconds(1))
        let run = await running.value
        gate.open()

        #expect(run.error == nil, "\(run.errorMessage)")
        #expect(try JSONObject(run.standardOutput)["stores"]?.array.count == 1)
        #expect(
            run.standardError
                == "Warning: the stores did not shut down within 5.0 s; statistics gathered by this command may "
                + "not have been saved\n")
    }
}

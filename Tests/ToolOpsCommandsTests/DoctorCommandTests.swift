import Foundation
import Testing
import ToolOps
import ToolOpsCommands
import ToolOpsTesting

@Suite("toolops doctor")
struct DoctorCommandTests {
    @Test("a healthy file store passes every check, and the probe leaves nothing behind")
    func healthy() async throws {
        let app = try AppFixture()
        try await app.populate()

        let run = await CommandRun.run(["doctor", "--json"], application: app)
        #expect(run.error == nil, "\(run.errorMessage)")
        let report = try JSONDecoder().decode(DoctorReport.self, from: Data(run.standardOutput.utf8))
        #expect(report.healthy)
        let names = report.checks.map(\.name)
        #expect(names.contains("store 'file' reachable"))
        #expect(names.contains("store 'file' writable"))
        #expect(names.contains("store 'memory' writable"))
        #expect(names.contains("configuration"))
        #expect(report.checks.allSatisfy { $0.status == .ok }, "\(report.checks)")
        let writable = try #require(report.checks.first { $0.name == "store 'file' writable" })
        #expect(writable.store == "file")
        #expect(writable.durationSeconds >= 0)
        #expect(try app.file.statistics().entries == 3)
        #expect(try app.file.toolStatistics()["toolops.doctor"] == nil)
    }

    @Test("a file store whose folder cannot be used fails, names the store, and exits 1")
    func unusableFolder() async throws {
        let app = try AppFixture()
        // A regular file where the store expects a folder: creating the namespace folder fails
        // even for root, for whom permission bits would not.
        let blocker = app.directory.appending(path: "blocker")
        try Data("not a folder".utf8).write(to: blocker)
        let stores = CacheStoreRegistry()
        let clock = app.clock
        stores.register("memory", app.memory)
        stores.register("broken") {
            try FileCache(configuration: .init(directory: blocker.appending(path: "cache"), clock: clock))
        }
        let run = await CommandRun.run(
            ["doctor", "--json"], application: BareApplication(stores: stores, clock: clock))
        #expect(run.exitCode == 1)
        #expect(run.standardError.isEmpty)
        let report = try JSONDecoder().decode(DoctorReport.self, from: Data(run.standardOutput.utf8))
        #expect(!report.healthy)
        let failed = report.checks.filter { $0.status == .fail }
        #expect(failed.map(\.name) == ["store 'broken' reachable"])
        #expect(failed.first?.detail.hasPrefix("store 'broken': cannot create the file cache folder") == true)
        #expect(report.checks.contains { $0.name == "store 'memory' writable" && $0.status == .ok })
    }

    @Test("a store that opens but cannot write fails the writable check with the store's reason")
    func failingWrites() async throws {
        let stores = CacheStoreRegistry()
        stores.register("flaky", ReadOnlyStore())
        let run = await CommandRun.run(
            ["doctor", "--store", "flaky"], application: BareApplication(stores: stores, clock: SystemClock()))
        #expect(run.exitCode == 1)
        let line = try #require(
            run.standardOutput.split(separator: "\n").first { $0.contains("store 'flaky' writable") })
        #expect(line.hasPrefix("fail"))
        #expect(line.contains("store 'flaky' (ReadOnlyStore): cannot write: disk is read-only"))
        #expect(run.standardOutput.hasSuffix("unhealthy: 1 failed, 0 warnings\n"))
    }

    @Test(
        "a step that hangs is cut off at --timeout with a clear message, on the environment's clock",
        .timeLimit(.minutes(1)))
    func timeout() async throws {
        let clock = ManualClock()
        let gate = Gate()
        let stores = CacheStoreRegistry()
        stores.register("stuck", HangingStore(gate: gate))
        let running = Task {
            await CommandRun.run(
                ["doctor", "--store", "stuck", "--timeout", "0.2", "--json"],
                application: BareApplication(stores: stores, clock: clock), clock: clock)
        }
        // The probe write is stuck, and the time limit of that step is the only sleeper.
        await gate.waitForWaiters(1)
        await clock.waitForSleepers(1)
        clock.advance(by: .milliseconds(199))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .milliseconds(1))
        let run = await running.value
        gate.open()

        #expect(run.exitCode == 1)
        let report = try JSONDecoder().decode(DoctorReport.self, from: Data(run.standardOutput.utf8))
        let writable = try #require(report.checks.first { $0.name == "store 'stuck' writable" })
        #expect(writable.status == .fail)
        #expect(writable.detail == "store 'stuck' (HangingStore): no answer within 200 ms")
        #expect(writable.durationSeconds == 0.2)
        #expect(report.checks.first { $0.name == "store 'stuck' reachable" }?.durationSeconds == 0)
    }
}

/// A store that opens fine but refuses every write.
struct ReadOnlyStore: CacheStore {
    struct ReadOnly: Error, CustomStringConvertible {
        var description: String { "disk is read-only" }
    }
    func entry(for key: CallKey) async throws -> CacheEntry? { nil }
    func store(_ entry: CacheEntry, for key: CallKey) async throws { throw ReadOnly() }
    func removeEntry(for key: CallKey) async throws -> Bool { false }
    func invalidate(_ scope: CacheScope) async throws -> Int { 0 }
    func sweep() async throws -> Int { 0 }
    func statistics() async throws -> CacheStatistics { CacheStatistics() }
}

/// A store whose writes hang until the test opens `gate`, ignoring cancellation, like a connect
/// blocked in C.
struct HangingStore: CacheStore {
    let gate: Gate

    func entry(for key: CallKey) async throws -> CacheEntry? { nil }
    func store(_ entry: CacheEntry, for key: CallKey) async throws {
        // A detached task is not cancelled with the caller: the write goes on after the time limit.
        let gate = gate
        await Task.detached { try? await gate.wait() }.value
    }
    func removeEntry(for key: CallKey) async throws -> Bool { false }
    func invalidate(_ scope: CacheScope) async throws -> Int { 0 }
    func sweep() async throws -> Int { 0 }
    func statistics() async throws -> CacheStatistics { CacheStatistics() }
}

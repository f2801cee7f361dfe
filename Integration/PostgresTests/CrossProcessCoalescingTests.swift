import Foundation
import Synchronization
import Testing
import ToolOps
import ToolOpsTesting

struct ProbeInput: Codable, Sendable { var q: String }
struct ProbeOutput: Codable, Sendable, Equatable { var answer: String }

/// A tool in this process shaped like the worker's, on the same table and namespace.
struct LocalProbe {
    let cache: PostgresCache
    let tool: Tool<ProbeInput, ProbeOutput>
    let upstreamCalls: Counter
    let events: RecordingObserver

    init(namespace: String, table: String, lockTimeout: Duration = .seconds(30)) throws {
        cache = try makeCache(namespace: namespace, table: table, clock: SystemClock()) { $0.lockTimeout = lockTimeout }
        let events = RecordingObserver()
        let runtime = ToolRuntime(environment: ToolEnvironment(observer: events), stores: CacheStoreRegistry())
        runtime.stores.register("postgres", cache)
        let upstreamCalls = Counter()
        tool = try runtime.readonly("probe", options: .init(cache: "postgres", ttl: .seconds(600))) {
            (input: ProbeInput) async throws -> ProbeOutput in
            _ = upstreamCalls.increment()
            return ProbeOutput(answer: "answer to \(input.q)")
        }
        self.upstreamCalls = upstreamCalls
        self.events = events
    }
}

/// Waits (polling the server, at most ~10 s) until `count` sessions wait for an advisory lock.
func waitForLockWaiters(_ count: Int) async throws {
    let client = try TestServer.client(poolSize: 1)
    for _ in 0..<1000 {
        let waiting = try await client.query(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
        ).single().int()
        if waiting >= count { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("no session started waiting for the advisory lock")
}

extension PostgresIntegration {
    @Suite("Cross-process coalescing", needsServer, .serialized)
    struct CrossProcessCoalescingTests {
        @Test("4 processes × 50 callers on one cold key make exactly one upstream call")
        func oneUpstreamCall() async throws {
            let namespace = TestServer.uniqueName("ns")
            let table = TestServer.uniqueName("xp")
            try await makeCache(namespace: namespace, table: table).prepare()
            let startAt = SystemClock().now().advanced(by: .milliseconds(1500)).nanosecondsSinceEpoch
            let workers = try (0..<4).map { _ in
                try WorkerProcess([
                    "coalesce", "--namespace", namespace, "--table", table, "--key", "cold", "--callers", "50",
                    "--body-ms", "50", "--start-at", "\(startAt)",
                ])
            }
            var upstream = 0
            var ok = 0
            for worker in workers {
                let line = try #require(await worker.nextLine())
                let report = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Int]
                upstream += report["upstream_calls"]!
                ok += report["ok"]!
                #expect(worker.wait() == 0)
            }
            #expect(ok == 200)
            #expect(upstream == 1)
        }

        /// A worker process holding key "k"'s fill lock, and a local probe on the same table.
        func leaderHoldingTheLock(lockTimeout: Duration = .seconds(30)) async throws -> (LocalProbe, WorkerProcess) {
            let namespace = TestServer.uniqueName("ns")
            let table = TestServer.uniqueName("xp")
            let local = try LocalProbe(namespace: namespace, table: table, lockTimeout: lockTimeout)
            try await local.cache.prepare()
            let leader = try WorkerProcess(["hold", "--namespace", namespace, "--table", table, "--key", "k"])
            #expect(await leader.nextLine() == "locked")
            return (local, leader)
        }

        /// The same, plus a local call of key "k" already waiting for the lock.
        func leaderHoldingTheLockAndAWaitingFollower() async throws
            -> (LocalProbe, WorkerProcess, Task<ProbeOutput, any Error>)
        {
            let (local, leader) = try await leaderHoldingTheLock()
            let follower = Task { try await local.tool(ProbeInput(q: "k")) }
            try await waitForLockWaiters(1)
            return (local, leader, follower)
        }

        @Test("a leader that dies before writing releases the lock; the follower calls the upstream once")
        func leaderDiesBeforeWriting() async throws {
            let (local, leader, follower) = try await leaderHoldingTheLockAndAWaitingFollower()
            #expect(local.upstreamCalls.value == 0)
            leader.kill()
            #expect(try await follower.value == ProbeOutput(answer: "answer to k"))
            #expect(local.upstreamCalls.value == 1)
        }

        @Test("a leader that dies after writing: the waiting follower uses its result, no second upstream call")
        func leaderDiesAfterWriting() async throws {
            let (local, leader, follower) = try await leaderHoldingTheLockAndAWaitingFollower()
            leader.send("write")
            #expect(await leader.nextLine() == "written")
            leader.kill()
            #expect(try await follower.value == ProbeOutput(answer: "written by the leader"))
            #expect(local.upstreamCalls.value == 0)
            #expect(local.events.events.contains { if case .coalescedRemote = $0.kind { true } else { false } })
        }

        @Test("a lock wait is bounded: past lockTimeout the follower calls the upstream itself")
        func lockTimeout() async throws {
            let (local, leader) = try await leaderHoldingTheLock(lockTimeout: .milliseconds(300))
            defer { leader.kill() }
            #expect(try await local.tool(ProbeInput(q: "k")) == ProbeOutput(answer: "answer to k"))
            #expect(local.upstreamCalls.value == 1)
            let errors = local.events.events.compactMap { event -> String? in
                if case .cacheError(_, let error) = event.kind { return error.message }
                return nil
            }
            #expect(errors.contains { $0.contains("longer than") })
        }
    }
}

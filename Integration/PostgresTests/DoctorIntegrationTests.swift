import ArgumentParser
import Foundation
import Testing
import ToolOps
import ToolOpsCommands
import ToolOpsConfiguration
import ToolOpsTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An app whose only store is `cache`, registered as `shared`.
private struct SharedStoreApp: ToolOpsApplication {
    let cache: PostgresCache

    func makeRuntime(configuration: ToolOpsConfiguration) async throws -> ToolRuntime {
        let stores = CacheStoreRegistry()
        stores.register("shared", cache)
        return ToolRuntime(stores: stores)
    }
}

/// Runs `toolops` with `arguments` in-process for `app`; returns stdout, stderr and the exit status.
private func toolops(_ arguments: [String], app: some ToolOpsApplication) async -> (String, String, Int32) {
    let output = CapturedOutput()
    do {
        try await ToolOpsRootCommand.run(arguments, in: CommandEnvironment(application: app, output: output))
        return (output.standardOutput, output.standardError, 0)
    } catch {
        return (output.standardOutput, output.standardError, ToolOpsRootCommand.exitCode(for: error).rawValue)
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on (it was free a moment ago).
private func closedPort() -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(socket, pointer, length)
            return getsockname(socket, pointer, &length)
        }
    }
    return Int(UInt16(bigEndian: address.sin_port))
}

/// The test server's URL on another port, the password kept.
private func url(port: Int) -> String {
    var components = URLComponents(string: TestServer.url!)!
    components.port = port
    return components.string!
}

/// scripts/postgres.sh, which starts and stops throwaway clusters.
private let postgresScript = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appending(path: "scripts/postgres.sh").path(percentEncoded: false)

extension PostgresIntegration {
    @Suite("toolops doctor and stats against PostgreSQL", needsServer, .serialized)
    struct DoctorIntegrationTests {
        @Test("a healthy server: reachable with its version, schema version 1, writable; exit 0")
        func healthy() async throws {
            let cache = try makeCache(clock: SystemClock())
            let (output, errors, status) = await toolops(["doctor", "--json"], app: SharedStoreApp(cache: cache))
            #expect(status == 0, "\(output)\(errors)")
            let report = try JSONDecoder().decode(DoctorReport.self, from: Data(output.utf8))
            #expect(report.healthy)
            let checks = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.name, $0) })
            #expect(checks["store 'shared' reachable"]?.status == .ok)
            #expect(checks["store 'shared' reachable"]?.detail.hasPrefix("PostgreSQL ") == true)
            #expect(checks["store 'shared' schema"]?.detail.hasPrefix("schema version 1 (table toolops_it.") == true)
            #expect(checks["store 'shared' writable"]?.status == .ok)
            #expect(checks["libpq"]?.detail.hasPrefix("libpq ") == true)
            // The command shut its store down: read what it left with a store of our own.
            let reader = try makeCache(namespace: cache.configuration.namespace, clock: SystemClock())
            #expect(try await reader.toolStatistics()["toolops.doctor"]?.entries ?? 0 == 0)
            await reader.shutdown()
            #expect(!output.contains(TestServer.password ?? "\u{0}"))
        }

        @Test("a command saves the counters it gathered and closes its connections when it ends")
        func shutsDownItsStore() async throws {
            // Counters are flushed every hour on their own: only the shutdown can have saved them.
            let cache = try makeCache(clock: SystemClock()) { $0.statisticsFlushInterval = .seconds(3600) }
            let (output, errors, status) = await toolops(
                ["inspect", "--tool", "lookup", "--args", #"{"q":1}"#, "--store", "shared", "--json"],
                app: SharedStoreApp(cache: cache))
            #expect(status == 0, "\(errors)")
            #expect(output.contains(#""status" : "absent""#))

            let reader = try makeCache(namespace: cache.configuration.namespace, clock: SystemClock())
            #expect(try await reader.toolStatistics()["lookup"]?.misses == 1)
            await reader.shutdown()
            let error = await #expect(throws: PostgresError.self) { try await cache.client.query("SELECT 1") }
            #expect(error?.code == .closed)
        }

        @Test("nothing listening: fails in seconds with 'connection refused', password masked; exit 1")
        func refused() async throws {
            let port = closedPort()
            let cache = try makeCache(clock: SystemClock()) { $0.connectionString = url(port: port) }
            let started = ContinuousClock.now
            let (output, errors, status) = await toolops(["doctor", "--json"], app: SharedStoreApp(cache: cache))
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(status == 1)
            #expect(errors.isEmpty)
            let report = try JSONDecoder().decode(DoctorReport.self, from: Data(output.utf8))
            let failed = report.checks.filter { $0.status == .fail }
            #expect(failed.map(\.name) == ["store 'shared' reachable"])
            #expect(
                failed.first?.detail == "store 'shared' (postgres at 127.0.0.1:\(port)/toolops): connection refused")
            #expect(!output.contains(TestServer.password ?? "\u{0}"))
        }

        @Test("a server that is stopped: healthy before, 'connection refused' after", needsRestart)
        func stoppedServer() async throws {
            // A throwaway cluster of our own: stopping the suite's server would fail the other tests.
            let state = "/tmp/toolops-doctor.\(getpid())"
            #expect(system("bash \(postgresScript) start \(state) 2>/dev/null") == 0)
            defer { _ = system("bash \(postgresScript) stop \(state) 2>/dev/null") }
            let serverURL = try String(contentsOfFile: state + "/url", encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let password = URLComponents(string: serverURL)?.password ?? "\u{0}"
            let port = URLComponents(string: serverURL)!.port!
            let app = SharedStoreApp(cache: try PostgresCache(configuration: .init(connectionString: serverURL)))
            let before = await toolops(["doctor"], app: app)
            #expect(before.2 == 0, "\(before.0)")
            #expect(before.0.hasSuffix("healthy\n"))

            #expect(system("bash \(postgresScript) stop \(state) 2>/dev/null") == 0)
            let stopped = SharedStoreApp(cache: try PostgresCache(configuration: .init(connectionString: serverURL)))
            let started = ContinuousClock.now
            let after = await toolops(["doctor"], app: stopped)
            #expect(ContinuousClock.now - started < .seconds(5))
            #expect(after.2 == 1)
            let line = try #require(after.0.split(separator: "\n").first { $0.hasPrefix("fail") })
            #expect(line.contains("store 'shared' (postgres at 127.0.0.1:\(port)/toolops): connection refused"))
            #expect(!after.0.contains(password) && !after.1.contains(password))
        }

        @Test("stats shows PostgreSQL's per-tool entries, bytes and hit rates")
        func statistics() async throws {
            let cache = try makeCache(clock: SystemClock())
            let now = SystemClock().now()
            try await cache.store(entry("one", at: now), for: key("a", tool: "lookup"))
            try await cache.store(entry("two", at: now), for: key("b", tool: "lookup"))
            try await cache.store(entry("three", at: now), for: key("c", tool: "search"))
            _ = try await cache.entry(for: key("a", tool: "lookup"))
            _ = try await cache.entry(for: key("z", tool: "lookup"))

            let (output, errors, status) = await toolops(["stats", "--json"], app: SharedStoreApp(cache: cache))
            #expect(status == 0, "\(errors)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
            let store = try #require((report["stores"] as? [[String: Any]])?.first)
            #expect(store["kind"] as? String == "postgres")
            #expect(store["entries"] as? Int == 3)
            let tools = try #require(store["tools"] as? [[String: Any]])
            #expect(tools.map { $0["tool"] as? String } == ["lookup", "search"])
            #expect(tools[0]["entries"] as? Int == 2)
            #expect(tools[0]["hits"] as? Int == 1)
            #expect(tools[0]["misses"] as? Int == 1)
            #expect(tools[0]["hitRate"] as? Double == 0.5)
        }
    }
}

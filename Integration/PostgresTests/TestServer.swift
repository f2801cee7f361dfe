import Foundation
import Synchronization
import Testing
import ToolOpsCore
import ToolOpsPostgres

/// The server the suite runs against: `TOOLOPS_POSTGRES_URL`, set by `make integration`
/// (which starts a throwaway PostgreSQL 15) or by the user.
enum TestServer {
    static let url = ProcessInfo.processInfo.environment["TOOLOPS_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The URL's password, to check that no message shows it.
    static var password: String? { url.flatMap { URLComponents(string: $0)?.password } }

    /// Whether the suite can run.
    static var isAvailable: Bool { url != nil }

    /// A shell command restarting the server; set only when the suite started the server itself.
    static let restartCommand = ProcessInfo.processInfo.environment["TOOLOPS_POSTGRES_RESTART"]

    /// The worker executable used to run callers in other processes.
    static let workerPath = ProcessInfo.processInfo.environment["TOOLOPS_INTEGRATION_WORKER"]

    private static let counter = Atomic<Int>(0)

    /// A name no other test (or earlier run) uses.
    static func uniqueName(_ prefix: String) -> String {
        let n = counter.add(1, ordering: .relaxed).newValue
        return "\(prefix)_\(getpid())_\(n)_\(UInt32.random(in: 0...UInt32.max))"
    }

    static func client(poolSize: Int = 4) throws -> PostgresClient {
        try PostgresClient(configuration: .init(connectionString: url!, poolSize: poolSize))
    }

    /// Runs the restart command, waiting for it.
    static func restart() {
        // system(3), not Process: Foundation's waitUntilExit can miss a short-lived child's exit.
        let status = system(restartCommand!)
        #expect(status == 0, "restart command failed with status \(status)")
    }
}

/// Every integration suite, one at a time: a test that restarts the server must not overlap the
/// others (their connections would be refused while it is down).
@Suite("PostgreSQL integration", .serialized)
enum PostgresIntegration {}

/// The suite needs a server; `make integration` provides one.
let needsServer = Testing.ConditionTrait.enabled(
    if: TestServer.isAvailable, "set TOOLOPS_POSTGRES_URL, or run `make integration`")
let needsRestart = Testing.ConditionTrait.enabled(
    if: TestServer.restartCommand != nil, "needs TOOLOPS_POSTGRES_RESTART (set by `make integration`)")

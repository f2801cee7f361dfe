import Synchronization

/// Runs a component's schema migration once, on first use, and again after its tables vanished.
///
/// Concurrent first callers share one migration task. A migration whose session died midway (its
/// transaction rolled back) is tried once more on a new session. ``guarded(_:)`` notices a missing
/// table or schema (SQLSTATE 42P01, 3F000) — dropped by hand under a running process — and
/// migrates again on the next call.
final class SchemaGate: Sendable {
    private let migrate: @Sendable () async throws(PostgresError) -> Int
    private let ready = Atomic<Bool>(false)
    private let running = Mutex<Task<Int, any Error>?>(nil)

    init(migrate: @escaping @Sendable () async throws(PostgresError) -> Int) {
        self.migrate = migrate
    }

    /// Runs `operation` once the schema is in place.
    func guarded<T: Sendable>(_ operation: () async throws(PostgresError) -> T) async throws(PostgresError) -> T {
        try await ensure()
        do throws(PostgresError) {
            return try await operation()
        } catch {
            if error.sqlState == "42P01" || error.sqlState == "3F000" { ready.store(false, ordering: .releasing) }
            throw error
        }
    }

    /// Migrates unless done; returns when the schema is ready.
    func ensure() async throws(PostgresError) {
        if ready.load(ordering: .acquiring) { return }
        let migrate = migrate
        let task = running.withLock { running in
            if let running { return running }
            let task = Task<Int, any Error> {
                do {
                    return try await migrate()
                } catch let error as PostgresError where error.isConnectionFailure && error.code != .timedOut {
                    return try await migrate()  // the session died mid-migration: once more on a new one
                }
            }
            running = task
            return task
        }
        do {
            _ = try await task.value
            ready.store(true, ordering: .releasing)
            running.withLock { if $0 == task { $0 = nil } }
        } catch {
            running.withLock { if $0 == task { $0 = nil } }
            throw error as? PostgresError ?? PostgresError(.statementFailed, "\(error)")
        }
    }
}

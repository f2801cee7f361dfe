import Synchronization
import ToolOpsCore

/// Cross-process single-flight on a PostgreSQL advisory lock per key.
///
/// On a miss, the fill stage asks for the key's lease: this takes a session-level
/// `pg_advisory_lock` on a 64-bit id derived from the key and the namespace (on a connection
/// from a small pool of its own, held until release), then reads the key's row. A process that
/// waited behind another finds the row written and uses it; the first one finds nothing, calls
/// the upstream, writes, and releases. A process that dies while holding the lock loses its
/// connection, and PostgreSQL releases the lock with it: the next waiter takes over.
///
/// Waits are bounded by the cache's `lockTimeout` (`lock_timeout` on the server); past it, the
/// caller fills without the lock.
struct AdvisoryLockCoordinator: CacheFillCoordinator {
    let lockClient: PostgresClient
    let table: CacheTable
    let timeout: Duration
    let clock: any ToolClock
    let breaker: StoreBreaker

    func acquireFill(for key: CallKey) async throws -> any CacheFillLease {
        // Never starts a probe of a skipped database: only the store's own operations do, and
        // they always report the outcome.
        if breaker.isOpen {
            throw CacheStoreError(store: "postgres", message: "fill lock not taken: the database is being skipped")
        }
        let deadline = clock.now().advanced(by: timeout)
        let lockID = lockID(for: key)
        do throws(PostgresError) {
            // All lock connections busy with other keys: fill without the lock rather than queue
            // behind unrelated fills.
            let session = try await lockClient.checkout(timeout: min(timeout, .milliseconds(250)), clock: clock)
            do throws(PostgresError) {
                let remaining = max(clock.now().duration(to: deadline), .milliseconds(1))
                let milliseconds = max(1, remaining.nanoseconds / 1_000_000)
                _ = try await session.executeCancellable(
                    table.sql.advisoryLock, [.text("\(milliseconds)ms"), .int64(lockID)],
                    timeout: remaining + .seconds(5))
            } catch {
                // A lock granted just before the statement failed (a cancel that crossed it)
                // would outlive the error on this session: never pool a connection in doubt.
                if error.code != .lockTimeout { session.discardConnection() }
                lockClient.checkin(session)
                throw error
            }
            let existing = try? await table.lookup(key, now: clock.now())
            return AdvisoryLease(
                lockClient: lockClient, session: session, table: table, lockID: lockID, existing: existing)
        } catch {
            if Task.isCancelled || error.sqlState == "57014" { throw CancellationError() }
            if error.code != .lockTimeout && error.code != .poolTimeout { breaker.recordFailure(error) }
            let message =
                switch error.code {
                case .lockTimeout:
                    "another process held the fill lock of \(key) for longer than \(timeout); calling the upstream"
                case .poolTimeout:
                    "every fill-lock connection is busy with other keys; filling \(key) without the lock"
                default: "fill lock not taken: \(error)"
                }
            throw CacheStoreError(store: "postgres", message: message)
        }
    }

    /// The key's 64 digest bits mixed with the table and namespace, so two applications sharing
    /// a database never wait on each other's keys.
    func lockID(for key: CallKey) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(table.sql.entries)/\(table.namespace)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int64(bitPattern: key.hash64 ^ hash)
    }
}

/// A held advisory lock and the connection holding it.
final class AdvisoryLease: CacheFillLease {
    let existing: CacheEntry?
    private let lockClient: PostgresClient
    private let session: PostgresSession
    private let table: CacheTable
    private let lockID: Int64
    private let released = Atomic<Bool>(false)

    init(lockClient: PostgresClient, session: PostgresSession, table: CacheTable, lockID: Int64, existing: CacheEntry?)
    {
        self.lockClient = lockClient
        self.session = session
        self.table = table
        self.lockID = lockID
        self.existing = existing
    }

    func release() async {
        guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
        // If the connection died meanwhile the lock died with it. If the unlock fails or finds no
        // lock, the session's state is in doubt: close it rather than pool a connection that may
        // still hold the lock.
        let unlocked = try? await session.execute(table.sql.advisoryUnlock, [.int64(lockID)]).single().bool()
        if unlocked != true { session.discardConnection() }
        lockClient.checkin(session)
    }

    deinit {
        // Released by the fill stage on every path; this only guards against a leaked lease.
        if !released.load(ordering: .acquiring) {
            let session = session
            let lockClient = lockClient
            let unlock = table.sql.advisoryUnlock
            let lockID = lockID
            Task {
                let unlocked = try? await session.execute(unlock, [.int64(lockID)]).single().bool()
                if unlocked != true { session.discardConnection() }
                lockClient.checkin(session)
            }
        }
    }
}

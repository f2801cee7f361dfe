import CLibPQ

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A dedicated thread that owns one ``PostgresConnection`` and runs its statements.
///
/// libpq's blocking calls run here, never on Swift's cooperative pool (two threads on a small
/// machine): a caller suspends on a continuation, the worker runs the statement, and resumes it.
/// The benchmark `postgres_io_model` compares this with libpq's asynchronous API driven from a
/// readiness loop; see Docs/POSTGRES.md.
final class PostgresWorker: @unchecked Sendable {
    // Guarded by `lock`: the job queue, the stop flag and the cancel handle.
    private let lock = ConditionLock()
    private var jobs: [(PostgresConnection) -> Void] = []
    private var stopping = false
    private var cancelHandle: OpaquePointer?
    private let connection: PostgresConnection

    init(connectionString: ConnectionString, connectTimeout: Duration, applicationName: String, index: Int) {
        connection = PostgresConnection(
            connectionString: connectionString, connectTimeout: connectTimeout, applicationName: applicationName)
        connection.onCancelHandleChange = { [lock, unowned self] handle in
            lock.withLock {
                if let old = self.cancelHandle { PQfreeCancel(old) }
                self.cancelHandle = handle
            }
        }
        DetachedThread.start(name: "toolops-pg-\(index)") { [self] in runLoop() }
    }

    /// Runs `work` on the worker's thread with its connection and returns its result.
    func run<T: Sendable>(
        _ work: @escaping (PostgresConnection) throws(PostgresError) -> T
    ) async throws(PostgresError)
        -> T
    {
        let result: Result<T, PostgresError> = await withCheckedContinuation { continuation in
            let accepted = lock.withLock {
                guard !stopping else { return false }
                jobs.append { connection in
                    do throws(PostgresError) {
                        continuation.resume(returning: .success(try work(connection)))
                    } catch {
                        continuation.resume(returning: .failure(error))
                    }
                }
                lock.signal()
                return true
            }
            if !accepted {
                continuation.resume(returning: .failure(PostgresError(.closed, "the PostgreSQL client was shut down")))
            }
        }
        return try result.get()
    }

    /// Asks the server to cancel the statement this worker is running, if any (thread-safe).
    func cancelRunningStatement() {
        lock.withLock {
            guard let cancelHandle else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(cancelHandle, &buffer, Int32(buffer.count))
        }
    }

    /// Finishes queued jobs, closes the connection and ends the thread.
    func stop() {
        lock.withLock {
            stopping = true
            lock.signal()
        }
    }

    private func runLoop() {
        while true {
            let next: ((PostgresConnection) -> Void)? = lock.withLock {
                while jobs.isEmpty && !stopping { lock.wait() }
                return jobs.isEmpty ? nil : jobs.removeFirst()
            }
            guard let next else { break }
            next(connection)
        }
        connection.close()
    }
}

/// A mutex with one condition variable: the worker's queue waits on it.
final class ConditionLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits for a signal; call with the lock held.
    func wait() { pthread_cond_wait(condition, mutex) }

    /// Wakes the waiter; call with the lock held.
    func signal() { pthread_cond_signal(condition) }
}

/// Starts a detached OS thread running a closure.
enum DetachedThread {
    static func start(name: String, _ body: @escaping () -> Void) {
        let box = Unmanaged.passRetained(Box(body: body, name: name)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { raw in
                let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
                box.body()
                return nil
            }, box)
        precondition(status == 0, "cannot start a PostgreSQL worker thread (pthread_create: \(status))")
        pthread_detach(thread)
    }

    private final class Box {
        let body: () -> Void
        let name: String
        init(body: @escaping () -> Void, name: String) {
            self.body = body
            self.name = name
        }
    }
}

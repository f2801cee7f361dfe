import CLibPQ
import Foundation
import Synchronization
import ToolOps

/// The previous design of ``PostgresClient``, rebuilt minimally for `postgres_io_model`: one
/// worker thread per connection, each running libpq's blocking calls.
///
/// K workers each own one blocking connection with the statement prepared. A task borrows a free
/// worker from the pool (a lock-guarded idle list; with none free it parks a continuation that
/// the next returned worker is handed to directly), puts its job (parameters, laid out by the
/// task, and a continuation) in the worker's slot and signals the worker's condition variable.
/// The worker runs `PQexecPrepared`, which blocks it until the result is in, decodes the rows
/// and resumes the task, which then gives the worker back. Minimal on purpose: one prepared
/// statement, no reconnects, no cancellation.
final class ThreadPerConnectionDriver: @unchecked Sendable {
    private struct Pool {
        var idle: [Int]
        var waiting: [CheckedContinuation<Int, Never>] = []
        var stopping = false
    }

    fileprivate static let statement = "bench_threads_statement"
    private let workers: [Worker]
    private let pool: Mutex<Pool>

    /// Opens `count` connections, prepares `sql` on each and starts one worker thread per connection.
    static func start(url: String, sql: String, connections count: Int) async throws -> ThreadPerConnectionDriver {
        let connections = try await DedicatedThread.run("bench-threads-connect") {
            try (0..<count).map { _ in
                let connection = try RawLibPQConnection(url: url)
                try connection.prepare(Self.statement, sql)
                return connection
            }
        }
        return ThreadPerConnectionDriver(connections)
    }

    private init(_ connections: [RawLibPQConnection]) {
        workers = connections.enumerated().map { index, connection in
            Worker(connection, name: "bench-threads-\(index)")
        }
        pool = Mutex(Pool(idle: Array(workers.indices.reversed())))
    }

    /// Runs the prepared statement with `parameters` on a borrowed worker and returns its rows.
    func execute(_ parameters: [RawParameters.Value]) async throws -> PostgresRows {
        let laidOut = RawParameters(parameters)
        let index = try await borrow()
        defer { giveBack(index) }
        return try await withCheckedThrowingContinuation { continuation in
            workers[index].submit(Worker.Job(parameters: laidOut, continuation: continuation))
        }
    }

    /// Stops the workers (after the job each holds, if any), which then close their connections.
    func shutdown() {
        let waiting = pool.withLock { pool in
            pool.stopping = true
            defer { pool.waiting = [] }
            return pool.waiting
        }
        precondition(waiting.isEmpty, "shutdown with tasks waiting for a worker")
        workers.forEach { $0.stop() }
    }

    private func borrow() async throws -> Int {
        enum Claim {
            case worker(Int)
            case wait
            case stopped
        }
        let claim = pool.withLock { pool -> Claim in
            if pool.stopping { return .stopped }
            if let index = pool.idle.popLast() { return .worker(index) }
            return .wait
        }
        switch claim {
        case .worker(let index): return index
        case .stopped: throw ScenarioFailure("driver stopped")
        case .wait: break
        }
        return await withCheckedContinuation { continuation in
            // A worker may have come back between the two locks: take it rather than park.
            let index = pool.withLock { pool -> Int? in
                if let index = pool.idle.popLast() { return index }
                pool.waiting.append(continuation)
                return nil
            }
            if let index { continuation.resume(returning: index) }
        }
    }

    private func giveBack(_ index: Int) {
        let next = pool.withLock { pool -> CheckedContinuation<Int, Never>? in
            if pool.waiting.isEmpty {
                pool.idle.append(index)
                return nil
            }
            return pool.waiting.removeFirst()
        }
        next?.resume(returning: index)
    }
}

/// One thread and the blocking connection it alone uses; it sleeps on a condition variable until
/// it is given a job.
private final class Worker: @unchecked Sendable {
    struct Job {
        var parameters: RawParameters
        var continuation: CheckedContinuation<PostgresRows, any Error>
    }

    private let connection: RawLibPQConnection
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`.
    private var job: Job?
    private var stopping = false

    init(_ connection: RawLibPQConnection, name: String) {
        self.connection = connection
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Hands the worker its next job; the pool lends a worker to one task at a time.
    func submit(_ job: Job) {
        pthread_mutex_lock(mutex)
        precondition(self.job == nil, "worker already busy")
        self.job = job
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    func stop() {
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// The thread's body (it keeps the worker, and so the connection, alive until stopped).
    private func run() {
        while true {
            pthread_mutex_lock(mutex)
            while job == nil && !stopping { pthread_cond_wait(condition, mutex) }
            let next = job
            job = nil
            pthread_mutex_unlock(mutex)
            guard let next else { return }
            next.continuation.resume(with: execute(next.parameters))
        }
    }

    private func execute(_ parameters: RawParameters) -> Result<PostgresRows, any Error> {
        let handle = connection.handle
        guard
            let result = PQexecPrepared(
                handle, ThreadPerConnectionDriver.statement, parameters.count, parameters.values, parameters.lengths,
                parameters.formats, 1)
        else { return .failure(ScenarioFailure(String(cString: PQerrorMessage(handle)))) }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            return .failure(ScenarioFailure(String(cString: PQresultErrorMessage(result))))
        }
        return .success(LibPQResultDecoder.rows(result))
    }
}

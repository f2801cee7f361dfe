import Synchronization
import ToolOpsCore

/// A pool of PostgreSQL connections over libpq's asynchronous API.
///
/// Statements never block Swift's cooperative thread pool: the calling task sends the statement
/// itself and is suspended until the socket has the answer (one readiness thread per process
/// watches every socket; see Docs/POSTGRES.md for why this beat a thread per connection).
/// Connections open lazily, prepare each statement once, and
/// reconnect by themselves after a server restart or a terminated backend — a statement that
/// hits a dead connection is retried once on a fresh one. Values always travel as parameters.
///
/// ```swift
/// let client = try PostgresClient(configuration: .init(connectionString: url))
/// let rows = try await client.query("SELECT version()")
/// ```
public final class PostgresClient: Sendable {
    /// The settings the client was created with (connection string included; print
    /// ``connectionString`` instead, which masks the password).
    public let configuration: Configuration
    /// The parsed connection string; its description masks the password.
    public let connectionString: ConnectionString

    private let connections: [PostgresConnection]
    private let pool: Mutex<PoolState>

    /// Creates the pool. The connection string is checked now (a typo is an error here, not at
    /// the first query); the connections open on first use.
    public init(configuration: Configuration) throws(PostgresError) {
        let connectionString = try ConnectionString(configuration.connectionString)
        guard (1...1000).contains(configuration.poolSize) else {
            throw PostgresError(
                .invalidConfiguration, "poolSize must be between 1 and 1000, got \(configuration.poolSize)")
        }
        guard configuration.connectTimeout > .zero else {
            throw PostgresError(
                .invalidConfiguration, "connectTimeout must be positive, got \(configuration.connectTimeout)")
        }
        guard configuration.operationTimeout > .zero else {
            throw PostgresError(
                .invalidConfiguration, "operationTimeout must be positive, got \(configuration.operationTimeout)")
        }
        self.configuration = configuration
        self.connectionString = connectionString
        connections = (0..<configuration.poolSize).map { _ in
            PostgresConnection(
                connectionString: connectionString,
                connectTimeout: configuration.connectTimeout,
                operationTimeout: configuration.operationTimeout,
                applicationName: configuration.applicationName
            )
        }
        pool = Mutex(PoolState(idle: Array(connections.indices.reversed())))
    }

    deinit { shutdown() }

    /// Runs a prepared statement (prepared once per connection) and returns its rows.
    public func execute(
        _ statement: PostgresStatement, _ binds: [PostgresBind] = []
    ) async throws(PostgresError)
        -> PostgresRows
    {
        try await withSession { (session) throws(PostgresError) in try await session.execute(statement, binds) }
    }

    /// Runs several statements separated by semicolons (DDL, migrations); no parameters, no results.
    public func run(script: String) async throws(PostgresError) {
        try await withSession { (session) throws(PostgresError) in try await session.run(script: script) }
    }

    /// Runs one SQL statement without preparing it.
    public func query(_ sql: String, _ binds: [PostgresBind] = []) async throws(PostgresError) -> PostgresRows {
        try await withSession { (session) throws(PostgresError) in try await session.query(sql, binds) }
    }

    /// Lends one connection to `body` for several statements in a row (a transaction, a
    /// session-level advisory lock), then returns it to the pool — or closes it, if `body` left a
    /// transaction open, so the next borrower never inherits one.
    public func withConnection<T: Sendable>(
        _ body: (PostgresSession) async throws -> T
    ) async throws -> T {
        let session = try await acquire()
        defer { release(session) }
        return try await body(session)
    }

    /// ``withConnection(_:)`` for bodies that throw only ``PostgresError``.
    func withSession<T: Sendable>(
        _ body: (PostgresSession) async throws(PostgresError) -> T
    ) async throws(PostgresError) -> T {
        let session = try await acquire()
        defer { release(session) }
        return try await body(session)
    }

    /// Closes idle connections now and the others when their statement finishes. Later calls
    /// fail with `closed`.
    public func shutdown() {
        let (waiters, idle) = pool.withLock { state in
            state.closed = true
            defer {
                state.waiters.removeAll()
                state.idle.removeAll()
            }
            return (state.waiters.map(\.continuation), state.idle)
        }
        for waiter in waiters {
            waiter.resume(throwing: PostgresError(.closed, "the PostgreSQL client was shut down"))
        }
        for index in idle { connections[index].close() }
    }

    /// The I/O thread as a task executor, for the lowest latency of sequential round trips.
    ///
    /// By default a task that waits for PostgreSQL is resumed on Swift's thread pool: the I/O
    /// thread wakes, then a pool thread does. A task that prefers this executor runs on the I/O
    /// thread itself and is resumed there directly. Use it for code that mostly waits on the
    /// database; CPU-heavy work on it delays every other task's I/O.
    ///
    /// ```swift
    /// let status = try await withTaskExecutorPreference(PostgresClient.ioExecutor) {
    ///     try await invoiceStatus(query)      // a tool backed by PostgresCache
    /// }
    /// ```
    public static var ioExecutor: any TaskExecutor { SocketReadiness.shared }

    /// Connections idle right now (for tests and stats).
    public var idleConnections: Int { pool.withLock { $0.idle.count } }

    // MARK: - Pool

    /// Takes a connection out of the pool until ``checkin(_:)``, waiting at most `timeout`.
    func checkout(timeout: Duration, clock: any ToolClock) async throws(PostgresError) -> PostgresSession {
        if let index = pool.withLock({ $0.closed ? nil : $0.idle.popLast() }) {
            return lend(index)
        }
        let outcome = await withTaskGroup(of: Result<PostgresSession, PostgresError>?.self) { group in
            group.addTask {
                do throws(PostgresError) { return .success(try await self.acquire()) } catch { return .failure(error) }
            }
            group.addTask {
                try? await clock.sleep(for: timeout)
                return nil
            }
            var acquired: PostgresSession?
            var failure: PostgresError?
            var timedOut = false
            for await result in group {
                switch result {
                case .success(let session)?: acquired = session
                case .failure(let error)?: failure = failure ?? error
                case nil: timedOut = acquired == nil && failure == nil
                }
                group.cancelAll()
            }
            if let acquired { return Result<PostgresSession, PostgresError>.success(acquired) }
            if timedOut {
                return .failure(PostgresError(.poolTimeout, "no connection became free within \(timeout)"))
            }
            return .failure(failure ?? PostgresError(.poolTimeout, "no connection became free within \(timeout)"))
        }
        return try outcome.get()
    }

    /// Returns a connection taken by ``checkout(timeout:clock:)``.
    func checkin(_ session: PostgresSession) {
        release(session)
    }

    private struct PoolState: ~Copyable {
        var idle: [Int]
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Int, any Error>)] = []
        var nextWaiterID: UInt64 = 0
        var closed = false
    }

    private func acquire() async throws(PostgresError) -> PostgresSession {
        let immediate: Result<Int, PostgresError>? = pool.withLock { state in
            if state.closed { return .failure(PostgresError(.closed, "the PostgreSQL client was shut down")) }
            return state.idle.popLast().map { .success($0) }
        }
        if let immediate { return lend(try immediate.get()) }
        let id = pool.withLock { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        do {
            let index = try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int, any Error>) in
                    pool.withLock { state in
                        if state.closed {
                            continuation.resume(throwing: PostgresError(.closed, "the PostgreSQL client was shut down"))
                        } else if let index = state.idle.popLast() {
                            continuation.resume(returning: index)
                        } else if Task.isCancelled {
                            continuation.resume(throwing: CancellationError())
                        } else {
                            state.waiters.append((id, continuation))
                        }
                    }
                }
            } onCancel: {
                let cancelled = pool.withLock { state in
                    state.waiters.firstIndex { $0.id == id }.map { state.waiters.remove(at: $0).continuation }
                }
                cancelled?.resume(throwing: CancellationError())
            }
            return lend(index)
        } catch let error as PostgresError {
            throw error
        } catch {
            throw PostgresError(.poolTimeout, "cancelled while waiting for a pooled connection")
        }
    }

    private func lend(_ index: Int) -> PostgresSession {
        PostgresSession(connection: connections[index], index: index, lending: connections[index].lend())
    }

    private func release(_ session: PostgresSession) {
        let index = session.index
        connections[index].giveBack()
        let waiter = pool.withLock { state in
            if state.closed {
                connections[index].close()
                return nil as CheckedContinuation<Int, any Error>?
            }
            if state.waiters.isEmpty {
                state.idle.append(index)
                return nil as CheckedContinuation<Int, any Error>?
            }
            return state.waiters.removeFirst().continuation
        }
        waiter?.resume(returning: index)
    }
}

/// One pooled connection lent to a caller by ``PostgresClient/withConnection(_:)``: statements run
/// on it one after another, on the same server session (so a transaction or a session-level lock
/// spans them). Valid only inside the closure; using it afterwards, or from two tasks at once,
/// throws ``PostgresError/Code/misuse``.
public struct PostgresSession: Sendable {
    let connection: PostgresConnection
    let index: Int
    let lending: UInt64

    /// Runs a prepared statement on this connection.
    public func execute(
        _ statement: PostgresStatement, _ binds: [PostgresBind] = []
    ) async throws(PostgresError)
        -> PostgresRows
    {
        try await connection.execute(statement, binds, lending: lending)
    }

    /// Runs several statements separated by semicolons on this connection; no parameters, no results.
    public func run(script: String) async throws(PostgresError) {
        try await connection.run(script: script, lending: lending)
    }

    /// Runs one SQL statement without preparing it on this connection.
    public func query(_ sql: String, _ binds: [PostgresBind] = []) async throws(PostgresError) -> PostgresRows {
        try await connection.execute(sql: sql, binds, lending: lending)
    }

    /// Runs a prepared statement that may wait (a lock) for up to `timeout` instead of the
    /// operation timeout; if the calling task is cancelled, the server is asked to cancel it.
    public func executeCancellable(
        _ statement: PostgresStatement, _ binds: [PostgresBind] = [], timeout: Duration? = nil
    ) async throws(PostgresError) -> PostgresRows {
        let connection = connection
        let lending = lending
        let result: Result<PostgresRows, PostgresError> = await withTaskCancellationHandler {
            do throws(PostgresError) {
                return .success(try await connection.execute(statement, binds, lending: lending, timeout: timeout))
            } catch {
                return .failure(error)
            }
        } onCancel: {
            connection.cancelRunningStatement()
        }
        return try result.get()
    }

    /// Closes the underlying connection (the pool reopens it for the next borrower): for state
    /// that must not outlive this lending, such as an advisory lock that could not be released.
    public func discardConnection() {
        connection.close()
    }
}

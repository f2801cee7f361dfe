import CLibPQ
import Synchronization
import ToolOpsCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One libpq connection in non-blocking mode, lent by the pool to one session at a time.
///
/// Statements go out with libpq's asynchronous API from the calling task; while the server works
/// the task is suspended on ``SocketReadiness``, so no thread of Swift's pool ever blocks. It
/// connects lazily (on a short-lived thread: name resolution and the handshake block), prepares
/// statements once per session, gives up on a round trip after the operation timeout (closing
/// the connection), and reconnects by itself. A statement that finds the connection dead runs
/// once more on a new session — but only as the first statement of a lending with no
/// transaction open, so nothing a caller built on the old session (a transaction, a lock) is
/// silently continued on a new one.
final class PostgresConnection: @unchecked Sendable {
    // The pool lends the connection to one session at a time, and `enter`/`leave` enforce it, so
    // the libpq state below is never touched by two threads at once. The cancel handle is also
    // used by cancelling tasks, hence its own lock.
    private let connectionString: ConnectionString
    private let connectTimeout: Duration
    private let operationTimeout: Duration
    private let applicationName: String
    private var handle: OpaquePointer?
    private var prepared: Set<String> = []
    private var freshLending = true
    private let cancelHandle = Mutex<UncheckedHandle?>(nil)
    private let lending = Atomic<UInt64>(0)
    private let busy = Atomic<Bool>(false)

    init(
        connectionString: ConnectionString, connectTimeout: Duration, operationTimeout: Duration,
        applicationName: String
    ) {
        self.connectionString = connectionString
        self.connectTimeout = connectTimeout
        self.operationTimeout = operationTimeout
        self.applicationName = applicationName
    }

    deinit { close() }

    // MARK: - Lending

    /// Starts a lending; returns its number, which the session presents on every statement.
    func lend() -> UInt64 {
        freshLending = true
        return lending.add(1, ordering: .acquiringAndReleasing).newValue
    }

    /// Ends a lending. A connection left inside a transaction (or mid-statement) is closed rather
    /// than handed to the next borrower in that state.
    func giveBack() {
        lending.add(1, ordering: .acquiringAndReleasing)
        if let handle, PQtransactionStatus(handle) != PQTRANS_IDLE { close() }
    }

    private func enter(_ lending: UInt64) throws(PostgresError) {
        guard self.lending.load(ordering: .acquiring) == lending else {
            throw PostgresError(
                .misuse, "a PostgresSession was used after withConnection returned; use it only inside the closure")
        }
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else {
            throw PostgresError(
                .misuse, "a PostgresSession was used by two tasks at once; run its statements one after another")
        }
    }

    private func leave() { busy.store(false, ordering: .releasing) }

    // MARK: - Statements

    /// Runs a prepared statement (prepared on this session first if needed).
    func execute(
        _ statement: PostgresStatement, _ binds: [PostgresBind], lending: UInt64, timeout: Duration? = nil
    ) async throws(PostgresError) -> PostgresRows {
        try binds.validate()
        try enter(lending)
        defer { leave() }
        let deadline = ContinuousClock.now + (timeout ?? operationTimeout)
        return try await retryingOnLostConnection { () async throws(PostgresError) in
            let connection = try await open()
            if !prepared.contains(statement.name) {
                _ = try await roundTrip(connection, deadline: deadline) {
                    PQsendPrepare($0, statement.name, statement.sql, Int32(binds.count), nil)
                }
                prepared.insert(statement.name)
            }
            return try await roundTrip(connection, deadline: deadline) { connection in
                binds.withLibPQParameters { values, lengths, formats in
                    PQsendQueryPrepared(connection, statement.name, Int32(binds.count), values, lengths, formats, 1)
                }
            }
        }
    }

    /// Runs one SQL statement without preparing it.
    func execute(sql: String, _ binds: [PostgresBind], lending: UInt64) async throws(PostgresError) -> PostgresRows {
        try binds.validate()
        try enter(lending)
        defer { leave() }
        let deadline = ContinuousClock.now + operationTimeout
        return try await retryingOnLostConnection { () async throws(PostgresError) in
            let connection = try await open()
            return try await roundTrip(connection, deadline: deadline) { connection in
                binds.withLibPQParameters { values, lengths, formats in
                    PQsendQueryParams(connection, sql, Int32(binds.count), nil, values, lengths, formats, 1)
                }
            }
        }
    }

    /// Runs several statements separated by semicolons (no parameters, results discarded).
    func run(script: String, lending: UInt64) async throws(PostgresError) {
        try enter(lending)
        defer { leave() }
        let deadline = ContinuousClock.now + operationTimeout
        _ = try await retryingOnLostConnection { () async throws(PostgresError) in
            let connection = try await open()
            return try await roundTrip(connection, deadline: deadline) { PQsendQuery($0, script) }
        }
    }

    /// Asks the server to cancel the statement running on this connection, if any. The request
    /// is a network round trip of its own, so it runs on a short-lived thread.
    func cancelRunningStatement() {
        guard let handle = cancelHandle.withLock({ $0 }) else { return }
        DetachedThread.start { [self] in
            cancelHandle.withLock { current in
                // Only if the connection it belongs to is still the current one.
                guard let current, current.pointer == handle.pointer else { return }
                var buffer = [CChar](repeating: 0, count: 256)
                _ = PQcancel(current.pointer, &buffer, Int32(buffer.count))
            }
        }
    }

    /// Closes the session, if open.
    func close() {
        guard let handle else { return }
        cancelHandle.withLock { cancel in
            if let cancel { PQfreeCancel(cancel.pointer) }
            cancel = nil
        }
        PQfinish(handle)
        self.handle = nil
        prepared = []
    }

    // MARK: - Session

    private func open() async throws(PostgresError) -> OpaquePointer {
        if let handle, PQstatus(handle) == CONNECTION_OK { return handle }
        close()
        let connectionString = connectionString
        // Our defaults come first: options in the user's string, expanded from `dbname`, override
        // them. Keepalives let the kernel notice a peer that vanished without closing.
        let options = [
            ("connect_timeout", String(max(1, Int(connectTimeout.seconds.rounded(.up))))),
            ("fallback_application_name", applicationName),
            ("keepalives", "1"), ("keepalives_idle", "30"), ("keepalives_interval", "10"), ("keepalives_count", "3"),
            ("dbname", connectionString.rawValue),
        ]
        let outcome = await DetachedThread.run { () -> Result<UncheckedHandle, PostgresError> in
            let connection = withCStringArray(options.map(\.0)) { keywords in
                withCStringArray(options.map(\.1)) { values in PQconnectdbParams(keywords, values, 1) }
            }
            guard let connection else {
                return .failure(PostgresError(.connectionFailed, "libpq could not allocate a connection"))
            }
            guard PQstatus(connection) == CONNECTION_OK, PQsetnonblocking(connection, 1) == 0 else {
                let message = PQerrorMessage(connection).map { String(cString: $0) } ?? "unknown error"
                PQfinish(connection)
                return .failure(
                    PostgresError(
                        .connectionFailed,
                        "cannot connect to \(connectionString.endpoint): "
                            + ConnectionString.mask(message.trimmingSpaces, in: connectionString.rawValue)))
            }
            PQsetNoticeProcessor(connection, { _, _ in }, nil)  // NOTICEs (IF NOT EXISTS, …) are not errors
            return .success(UncheckedHandle(pointer: connection))
        }
        let connection = try outcome.get().pointer
        handle = connection
        prepared = []
        let cancel = PQgetCancel(connection).map(UncheckedHandle.init(pointer:))
        cancelHandle.withLock { $0 = cancel }
        return connection
    }

    /// Sends one request with `send`, flushes it, and collects every result. The first error
    /// among them wins; a broken connection, a timeout or an unsupported `COPY` closes the session.
    private func roundTrip(
        _ connection: OpaquePointer, deadline: ContinuousClock.Instant, send: (OpaquePointer) -> Int32
    ) async throws(PostgresError) -> PostgresRows {
        guard send(connection) == 1 else { throw lost(connection) }
        let socket = PQsocket(connection)
        // libpq: while the output does not flush, wait for read *or* write readiness and read
        // what the server sent, so neither side blocks the other.
        while true {
            let flushed = PQflush(connection)
            if flushed == 0 { break }
            if flushed < 0 { throw lost(connection) }
            try await waitForSocket(socket, writable: true, deadline: deadline)
            guard PQconsumeInput(connection) == 1 else { throw lost(connection) }
        }
        // With TLS, decrypted bytes can sit in OpenSSL's buffer while the socket looks idle: read first.
        let readsBeforeWaiting = PQsslInUse(connection) == 1
        var outcome: Result<PostgresRows, PostgresError>?
        while true {
            if readsBeforeWaiting, PQconsumeInput(connection) != 1 { throw lost(connection) }
            while PQisBusy(connection) == 1 {
                try await waitForSocket(socket, writable: false, deadline: deadline)
                guard PQconsumeInput(connection) == 1 else { throw lost(connection) }
            }
            guard let result = PQgetResult(connection) else { break }
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            if status == PGRES_COPY_IN || status == PGRES_COPY_OUT || status == PGRES_COPY_BOTH {
                close()
                throw PostgresError(.misuse, "COPY is not supported by PostgresClient")
            }
            do throws(PostgresError) {
                let rows = try Self.rows(from: result, connection: connection)
                if outcome == nil { outcome = .success(rows) }
            } catch {
                if outcome.map({ (try? $0.get()) != nil }) ?? true { outcome = .failure(error) }
            }
        }
        if PQstatus(connection) != CONNECTION_OK { close() }
        guard let outcome else { throw lost(connection) }
        return try outcome.get()
    }

    private func waitForSocket(
        _ socket: Int32, writable: Bool, deadline: ContinuousClock.Instant
    )
        async throws(PostgresError)
    {
        guard await SocketReadiness.shared.wait(for: socket, writable: writable, deadline: deadline) == .ready else {
            // The statement's fate is unknown; the connection cannot be reused.
            close()
            throw PostgresError(
                .timedOut,
                "\(connectionString.endpoint) did not answer in time (operation timeout \(operationTimeout)); "
                    + "the connection was closed")
        }
    }

    private func lost(_ connection: OpaquePointer) -> PostgresError {
        let message = PQerrorMessage(connection).map { String(cString: $0) } ?? "no result"
        let broken = PQstatus(connection) != CONNECTION_OK
        if broken { close() }
        return PostgresError(
            broken ? .connectionLost : .statementFailed, ConnectionString.mask(message.trimmingSpaces))
    }

    private func retryingOnLostConnection(
        _ body: () async throws(PostgresError) -> PostgresRows
    ) async throws(PostgresError) -> PostgresRows {
        // Safe to replay only if nothing of this lending lives on the session: its first
        // statement, outside any transaction (on the open session, or on one this lending opens).
        let replayable = freshLending && handle.map { PQtransactionStatus($0) == PQTRANS_IDLE } ?? true
        freshLending = false
        do {
            return try await body()
        } catch
            where replayable && (error.code == .connectionLost || error.isConnectionFailure)
            && error.code != .timedOut
        {
            // The session we had died (restart, terminated backend): one retry on a new one.
            close()
            return try await body()
        }
    }
}

/// A libpq handle crossing threads (the connecting thread, a cancelling thread).
struct UncheckedHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// Calls `body` with a NULL-terminated array of C strings that live only during the call.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let duplicates = strings.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    let pointers = duplicates.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

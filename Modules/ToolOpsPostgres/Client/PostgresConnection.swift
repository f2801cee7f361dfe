import CLibPQ
import Synchronization
import ToolOpsCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One libpq connection in non-blocking mode, used by one task at a time (the pool lends it out).
///
/// Statements go out with libpq's asynchronous API from the calling task; while the server works
/// the task is suspended on ``SocketReadiness``, so no thread of Swift's pool ever blocks. It
/// connects lazily (on a short-lived thread: name resolution and the handshake block), prepares
/// statements once per session, and reconnects by itself: a statement that fails because the
/// connection broke (server restart, `pg_terminate_backend`) runs once more on a new session.
final class PostgresConnection: @unchecked Sendable {
    // The lending pool guarantees one user at a time; the cancel handle alone is shared with
    // other threads (a cancelling task), so it sits behind a lock.
    private let connectionString: ConnectionString
    private let connectTimeout: Duration
    private let applicationName: String
    private var handle: OpaquePointer?
    private var prepared: Set<String> = []
    private let cancelHandle = Mutex<UncheckedHandle?>(nil)

    init(connectionString: ConnectionString, connectTimeout: Duration, applicationName: String) {
        self.connectionString = connectionString
        self.connectTimeout = connectTimeout
        self.applicationName = applicationName
    }

    deinit { close() }

    /// Runs a prepared statement, reconnecting and retrying once if the connection had broken.
    func execute(_ statement: PostgresStatement, _ binds: [PostgresBind]) async throws(PostgresError) -> PostgresRows {
        try await retryingOnLostConnection { () async throws(PostgresError) in
            let connection = try await open()
            if !prepared.contains(statement.name) {
                _ = try await roundTrip(connection) {
                    PQsendPrepare($0, statement.name, statement.sql, Int32(binds.count), nil)
                }
                prepared.insert(statement.name)
            }
            return try await roundTrip(connection) { connection in
                binds.withLibPQParameters { values, lengths, formats in
                    PQsendQueryPrepared(connection, statement.name, Int32(binds.count), values, lengths, formats, 1)
                }
            }
        }
    }

    /// Runs one SQL statement without preparing it.
    func execute(sql: String, _ binds: [PostgresBind]) async throws(PostgresError) -> PostgresRows {
        try await retryingOnLostConnection { () async throws(PostgresError) in
            let connection = try await open()
            return try await roundTrip(connection) { connection in
                binds.withLibPQParameters { values, lengths, formats in
                    PQsendQueryParams(connection, sql, Int32(binds.count), nil, values, lengths, formats, 1)
                }
            }
        }
    }

    /// Runs several statements separated by semicolons (no parameters, results discarded).
    /// Not retried: a script may hold a transaction that a new session would not continue.
    func run(script: String) async throws(PostgresError) {
        let connection = try await open()
        _ = try await roundTrip(connection) { PQsendQuery($0, script) }
    }

    /// Asks the server to cancel the statement running on this connection, if any (thread-safe).
    func cancelRunningStatement() {
        cancelHandle.withLock { handle in
            guard let handle else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(handle.pointer, &buffer, Int32(buffer.count))
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
        // Our defaults come first: options in the user's string, expanded from `dbname`, override them.
        let keywords = ["connect_timeout", "fallback_application_name", "dbname"]
        let values = [
            String(max(1, Int(connectTimeout.seconds.rounded(.up)))), applicationName, connectionString.rawValue,
        ]
        let outcome = await DetachedThread.run { () -> Result<UncheckedHandle, PostgresError> in
            let connection = withCStringArray(keywords) { keywords in
                withCStringArray(values) { values in PQconnectdbParams(keywords, values, 1) }
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

    /// Sends one request with `send`, flushes it, and collects its results. The first error
    /// among them wins; a broken connection closes the session.
    private func roundTrip(
        _ connection: OpaquePointer, send: (OpaquePointer) -> Int32
    ) async throws(PostgresError)
        -> PostgresRows
    {
        guard send(connection) == 1 else { throw lost(connection) }
        let socket = PQsocket(connection)
        while true {
            let flushed = PQflush(connection)
            if flushed == 0 { break }
            if flushed < 0 { throw lost(connection) }
            await SocketReadiness.shared.wait(for: socket, writable: true)
        }
        var outcome: Result<PostgresRows, PostgresError>?
        while true {
            while PQisBusy(connection) == 1 {
                await SocketReadiness.shared.wait(for: socket)
                guard PQconsumeInput(connection) == 1 else { throw lost(connection) }
            }
            guard let result = PQgetResult(connection) else { break }
            if outcome == nil || (try? outcome?.get()) != nil {
                do throws(PostgresError) {
                    let rows = try Self.rows(from: result, connection: connection)
                    if outcome == nil { outcome = .success(rows) }
                } catch {
                    outcome = .failure(error)
                }
            }
            PQclear(result)
        }
        if PQstatus(connection) != CONNECTION_OK { close() }
        guard let outcome else { throw lost(connection) }
        return try outcome.get()
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
        let wasConnected = handle != nil
        do {
            return try await body()
        } catch  where wasConnected && (error.code == .connectionLost || error.isConnectionFailure) {
            // The session we had died (restart, terminated backend): one retry on a new one.
            close()
            return try await body()
        }
    }
}

/// A libpq handle crossing from the connecting thread back to the task.
private struct UncheckedHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// Calls `body` with a NULL-terminated array of C strings that live only during the call.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let duplicates = strings.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    let pointers = duplicates.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

import CLibPQ
import ToolOpsCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One libpq connection, used only by the thread of the ``PostgresWorker`` that owns it.
///
/// It connects lazily, prepares statements once per session, and reconnects by itself: when a
/// statement fails because the connection broke (server restart, `pg_terminate_backend`), it
/// opens a new connection and runs the statement once more.
final class PostgresConnection {
    private let connectionString: ConnectionString
    private let connectTimeout: Duration
    private let applicationName: String
    private var handle: OpaquePointer?
    private var prepared: Set<String> = []
    /// Called with the connection's cancel handle when it connects (and `nil` when it closes),
    /// so another thread can cancel a statement that waits too long.
    var onCancelHandleChange: ((OpaquePointer?) -> Void)?

    init(connectionString: ConnectionString, connectTimeout: Duration, applicationName: String) {
        self.connectionString = connectionString
        self.connectTimeout = connectTimeout
        self.applicationName = applicationName
    }

    deinit { close() }

    /// Whether a session is open.
    var isConnected: Bool { handle.map { PQstatus($0) == CONNECTION_OK } ?? false }

    /// Opens the session if it is not open.
    func connect() throws(PostgresError) {
        if let handle, PQstatus(handle) == CONNECTION_OK { return }
        close()
        // Our defaults come first: options in the user's string, expanded from `dbname`, override them.
        let seconds = max(1, Int(connectTimeout.seconds.rounded(.up)))
        let keywords = ["connect_timeout", "fallback_application_name", "dbname"]
        let values = [String(seconds), applicationName, connectionString.rawValue]
        let connection = withCStringArray(keywords) { keywords in
            withCStringArray(values) { values in PQconnectdbParams(keywords, values, 1) }
        }
        guard let connection else {
            throw PostgresError(.connectionFailed, "libpq could not allocate a connection (out of memory)")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = PQerrorMessage(connection).map { String(cString: $0) } ?? "unknown error"
            PQfinish(connection)
            throw PostgresError(
                .connectionFailed,
                "cannot connect to \(connectionString.endpoint): "
                    + ConnectionString.mask(message.trimmingSpaces, in: connectionString.rawValue)
            )
        }
        PQsetNoticeProcessor(connection, { _, _ in }, nil)  // NOTICEs (IF NOT EXISTS, …) are not errors
        handle = connection
        prepared = []
        onCancelHandleChange?(PQgetCancel(connection))
    }

    /// Closes the session, if open.
    func close() {
        guard let handle else { return }
        onCancelHandleChange?(nil)
        PQfinish(handle)
        self.handle = nil
        prepared = []
    }

    /// Runs a prepared statement, reconnecting and retrying once if the connection had broken.
    func execute(_ statement: PostgresStatement, _ binds: [PostgresBind]) throws(PostgresError) -> PostgresRows {
        try retryingOnLostConnection { () throws(PostgresError) in try executeOnce(statement, binds) }
    }

    /// Runs one SQL statement without preparing it.
    func execute(sql: String, _ binds: [PostgresBind]) throws(PostgresError) -> PostgresRows {
        try retryingOnLostConnection { () throws(PostgresError) in
            let connection = try open()
            let result = try binds.withLibPQParameters { values, lengths, formats in
                PQexecParams(connection, sql, Int32(binds.count), nil, values, lengths, formats, 1)
            }
            return try consume(result, connection: connection)
        }
    }

    /// Runs several statements separated by semicolons (no parameters, results discarded).
    /// Not retried: a script may hold a transaction that a new session would not continue.
    func run(script: String) throws(PostgresError) {
        let connection = try open()
        _ = try consume(PQexec(connection, script), connection: connection)
    }

    private func executeOnce(
        _ statement: PostgresStatement, _ binds: [PostgresBind]
    ) throws(PostgresError)
        -> PostgresRows
    {
        let connection = try open()
        if !prepared.contains(statement.name) {
            let result = PQprepare(connection, statement.name, statement.sql, Int32(binds.count), nil)
            _ = try consume(result, connection: connection)
            prepared.insert(statement.name)
        }
        let result = try binds.withLibPQParameters { values, lengths, formats in
            PQexecPrepared(connection, statement.name, Int32(binds.count), values, lengths, formats, 1)
        }
        return try consume(result, connection: connection)
    }

    private func open() throws(PostgresError) -> OpaquePointer {
        try connect()
        return handle!
    }

    private func consume(_ result: OpaquePointer?, connection: OpaquePointer) throws(PostgresError) -> PostgresRows {
        guard let result else {
            let message = PQerrorMessage(connection).map { String(cString: $0) } ?? "no result"
            if PQstatus(connection) != CONNECTION_OK { close() }
            throw PostgresError(.connectionLost, ConnectionString.mask(message.trimmingSpaces))
        }
        defer { PQclear(result) }
        do {
            return try Self.rows(from: result, connection: connection)
        } catch {
            if error.code == .connectionLost || PQstatus(connection) != CONNECTION_OK { close() }
            throw error
        }
    }

    private func retryingOnLostConnection(
        _ body: () throws(PostgresError) -> PostgresRows
    ) throws(PostgresError) -> PostgresRows {
        let wasConnected = handle != nil
        do {
            return try body()
        } catch  where wasConnected && (error.code == .connectionLost || error.isConnectionFailure) {
            // The session we had died (restart, terminated backend): one retry on a new one.
            close()
            return try body()
        }
    }
}

/// Calls `body` with a NULL-terminated array of C strings that live only during the call.
private func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let duplicates = strings.map { strdup($0) }
    defer { duplicates.forEach { free($0) } }
    let pointers = duplicates.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}

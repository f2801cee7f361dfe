/// A failure talking to PostgreSQL: a bad connection string, an unreachable server, a failed
/// statement or a wait that timed out.
///
/// Messages never contain a password: connection strings are masked before they are quoted.
///
/// ```swift
/// do {
///     _ = try PostgresClient(configuration: .init(connectionString: "postgresql://…"))
/// } catch let error as PostgresError where error.code == .invalidConnectionString {
///     print(error)  // names the option that is wrong
/// }
/// ```
public struct PostgresError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Value: String, Sendable {
            case invalidConnectionString = "invalid connection string"
            case invalidConfiguration = "invalid configuration"
            case connectionFailed = "connection failed"
            case connectionLost = "connection lost"
            case statementFailed = "statement failed"
            case lockTimeout = "lock timeout"
            case poolTimeout = "pool timeout"
            case unexpectedResult = "unexpected result"
            case timedOut = "timed out"
            case misuse = "misuse"
            case closed = "client closed"
        }

        fileprivate let value: Value

        /// The connection string does not parse, or names an option libpq does not know.
        public static let invalidConnectionString = Code(value: .invalidConnectionString)
        /// A setting is out of range (pool size, an identifier, a timeout).
        public static let invalidConfiguration = Code(value: .invalidConfiguration)
        /// The server could not be reached or refused the login.
        public static let connectionFailed = Code(value: .connectionFailed)
        /// The connection broke while a statement ran (server restart, terminated backend).
        public static let connectionLost = Code(value: .connectionLost)
        /// The server rejected a statement; ``PostgresError/sqlState`` says why.
        public static let statementFailed = Code(value: .statementFailed)
        /// An advisory lock was not granted within its timeout.
        public static let lockTimeout = Code(value: .lockTimeout)
        /// No pooled connection became free within the wait allowed.
        public static let poolTimeout = Code(value: .poolTimeout)
        /// A result had a shape the caller did not expect (a column missing or of another type).
        public static let unexpectedResult = Code(value: .unexpectedResult)
        /// The server did not answer within the operation timeout; the connection was closed.
        public static let timedOut = Code(value: .timedOut)
        /// The API was used in a way it does not allow: a session used after `withConnection`
        /// returned or by two tasks at once, a NUL character in a text parameter, `COPY`.
        public static let misuse = Code(value: .misuse)
        /// The client was shut down.
        public static let closed = Code(value: .closed)

        public var description: String { value.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// What happened, with the server's message where there is one; passwords masked.
    public let message: String
    /// The five-character SQLSTATE the server reported, when it reported one (`57P01`, `55P03`, …).
    public let sqlState: String?

    public init(_ code: Code, _ message: String, sqlState: String? = nil) {
        self.code = code
        self.message = message
        self.sqlState = sqlState
    }

    public var description: String {
        if let sqlState { return "PostgreSQL \(code) [\(sqlState)]: \(message)" }
        return "PostgreSQL \(code): \(message)"
    }

    /// Whether the failure is about the connection rather than the statement: the statement may
    /// succeed on a fresh connection.
    public var isConnectionFailure: Bool {
        code == .connectionFailed || code == .connectionLost || code == .timedOut
            || sqlState.map { $0.hasPrefix("08") || $0 == "57P01" || $0 == "57P02" || $0 == "57P03" } == true
    }
}

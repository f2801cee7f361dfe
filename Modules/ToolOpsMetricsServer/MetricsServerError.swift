/// Why a ``MetricsServer`` could not start: a bad configuration, a port it could not bind, or a
/// `start()` at the wrong time.
///
/// Branch on ``code``; show the error itself to people, since its message names the field, the
/// address or the state involved, and what to do.
///
/// ```swift
/// do {
///     let port = try await server.start()
/// } catch let error as MetricsServerError where error.code == .bindFailed {
///     print(error)
///     // metrics server bind failed: cannot listen on 127.0.0.1:9464: address already in use
///     // (errno 98). Stop the process that holds the port, or choose another port (0 picks a free one).
/// }
/// ```
public struct MetricsServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate enum Value: String, Sendable {
            case invalidConfiguration = "invalid configuration"
            case bindFailed = "bind failed"
            case alreadyStarted = "already started"
            case alreadyShutDown = "already shut down"
        }

        fileprivate let value: Value

        /// A field of ``MetricsServer/Configuration`` cannot work; the message names it.
        public static let invalidConfiguration = Code(value: .invalidConfiguration)
        /// The listening socket could not be opened: the port is taken, needs privileges, or the
        /// host is not an address of this machine. The message names `host:port` and the reason.
        public static let bindFailed = Code(value: .bindFailed)
        /// ``MetricsServer/start()`` was called on a server that is starting or running.
        public static let alreadyStarted = Code(value: .alreadyStarted)
        /// ``MetricsServer/start()`` or ``MetricsServer/run()`` was called on a server that was
        /// shut down; a server runs once, so create a new one.
        public static let alreadyShutDown = Code(value: .alreadyShutDown)

        /// The kind of failure in words, such as `bind failed`.
        public var description: String { value.rawValue }
    }

    /// The kind of failure.
    public let code: Code
    /// What went wrong and what to do about it.
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// `metrics server <code>: <message>`.
    public var description: String { "metrics server \(code): \(message)" }

    static func invalidConfiguration(_ message: String) -> Self {
        Self(.invalidConfiguration, message)
    }

    static func alreadyStarted(_ address: String) -> Self {
        Self(
            .alreadyStarted,
            "the server for \(address) is already starting or running; call start() once per server.")
    }

    static func alreadyShutDown(_ address: String) -> Self {
        Self(
            .alreadyShutDown,
            "the server for \(address) was shut down and cannot start again; create a new MetricsServer.")
    }
}

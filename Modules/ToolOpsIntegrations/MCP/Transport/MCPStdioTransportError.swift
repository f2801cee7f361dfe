#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why an ``MCPStdioTransport`` could not send or receive.
///
/// ```swift
/// catch let error as MCPStdioTransportError where error.code == .peerClosed {
///     print("the client went away")   // the other end of the pipe was closed
/// }
/// ```
public struct MCPStdioTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notConnected, peerClosed, writeFailed, readFailed
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// `send` before `connect` or after `disconnect`.
        public static let notConnected = Code(.notConnected)
        /// The reading end of the output was closed (`EPIPE`): the peer is gone.
        public static let peerClosed = Code(.peerClosed)
        /// `write(2)` on the output failed for another reason.
        public static let writeFailed = Code(.writeFailed)
        /// `read(2)` on the input failed; the message stream ends with this error.
        public static let readFailed = Code(.readFailed)

        /// The code's name ("peerClosed", …).
        public var description: String { base.rawValue }
    }

    /// What kind of problem this is.
    public let code: Code
    /// The file descriptor the problem is about.
    public let fileDescriptor: Int32
    /// The `errno` of the failed system call, if one failed.
    public let errno: Int32?
    /// What went wrong and what to do, in words.
    public let message: String

    public var description: String { message }

    static func notConnected(output: Int32) -> MCPStdioTransportError {
        MCPStdioTransportError(
            code: .notConnected, fileDescriptor: output, errno: nil,
            message: "MCP stdio transport on fd \(output) is not connected; call connect() first "
                + "(a disconnected transport cannot be reused: create a new one)")
    }

    static func writeFailed(output: Int32, errno code: Int32) -> MCPStdioTransportError {
        if code == EPIPE {
            return MCPStdioTransportError(
                code: .peerClosed, fileDescriptor: output, errno: code,
                message: "cannot send on fd \(output): the peer closed its end of the pipe (EPIPE); "
                    + "the MCP session is over")
        }
        return MCPStdioTransportError(
            code: .writeFailed, fileDescriptor: output, errno: code,
            message: "cannot send on fd \(output): write failed: \(Self.describe(code))")
    }

    static func readFailed(input: Int32, errno code: Int32) -> MCPStdioTransportError {
        MCPStdioTransportError(
            code: .readFailed, fileDescriptor: input, errno: code,
            message: "cannot receive on fd \(input): read failed: \(Self.describe(code)); "
                + "check that the fd is open for reading")
    }

    private static func describe(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }
}

import Foundation
import Logging
import MCP

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The MCP stdio transport — newline-delimited JSON-RPC on two file descriptors — without polling.
///
/// A drop-in for the SDK's `StdioTransport`, which makes its fds non-blocking and sleeps 10 ms
/// whenever a read finds no data, so each request waits up to 10 ms on each side. Here a dedicated
/// thread sits in a blocking `read(2)` and hands each complete line to ``receive()`` the moment it
/// arrives; ``send(_:)`` writes the message and its newline whole. The fds are left as they are
/// (blocking), so a shared stdin is not switched to non-blocking under the parent's feet.
///
/// ```swift
/// let server = try MCPToolServer(name: "weather", version: "1.0.0", registry: registry)
/// try await server.run(transport: MCPStdioTransport(logger: logger))   // until stdin closes
/// ```
///
/// - A message is at most ``Configuration/maxMessageBytes`` long; a longer line is dropped and
///   logged, and the next one is delivered.
/// - End of input finishes the ``receive()`` stream; a read error finishes it with an
///   ``MCPStdioTransportError``. Writing after the peer closed throws
///   ``MCPStdioTransportError/Code/peerClosed`` rather than killing the process: `connect()` ignores
///   `SIGPIPE` (see ``Configuration/ignoresSIGPIPE``).
/// - ``disconnect()`` finishes the stream, wakes the reading thread (it waits in `poll(2)` on the
///   input and on a wake-up pipe of its own) and returns once that thread has exited, so the caller
///   may close the input right after. The transport never closes the fds: they belong to the caller.
/// - `send` writes on the caller's thread and blocks it while the pipe is full, until the peer
///   reads; sends are serialized by the actor, so messages never interleave.
public actor MCPStdioTransport: Transport {
    /// Where the transport logs (EOF, dropped messages, read errors); a no-op logger by default.
    public nonisolated let logger: Logger
    /// The fd messages are read from.
    public nonisolated let input: Int32
    /// The fd messages are written to.
    public nonisolated let output: Int32
    /// Message size limit and `SIGPIPE` handling.
    public nonisolated let configuration: Configuration

    private enum State {
        case idle
        case connected(StdioReader)
        case disconnected
    }

    private var state: State = .idle
    private let messages: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation

    /// A transport reading `input` and writing `output` (standard input and output by default).
    public init(
        input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, configuration: Configuration = Configuration(),
        logger: Logger? = nil
    ) {
        self.input = input
        self.output = output
        self.configuration = configuration
        self.logger = logger ?? Logger(label: "toolops.mcp.stdio", factory: { _ in SwiftLogNoOpLogHandler() })
        (messages, continuation) = AsyncThrowingStream.makeStream(of: Data.self, throwing: (any Error).self)
    }

    /// Starts the reading thread (and ignores `SIGPIPE` if so configured); does nothing if connected.
    ///
    /// - Throws: ``MCPStdioTransportError`` (`notConnected`) after ``disconnect()``: a transport is
    ///   used for one session only.
    public func connect() async throws(MCPStdioTransportError) {
        switch state {
        case .connected: return
        case .disconnected: throw .notConnected(output: output)
        case .idle: break
        }
        if configuration.ignoresSIGPIPE { POSIXPipe.ignoreSIGPIPEIfDefault() }
        let reader = StdioReader(
            input: input, configuration: configuration, logger: logger, continuation: continuation)
        state = .connected(reader)
        reader.start()
        logger.debug("MCP stdio transport connected", metadata: ["input": "\(input)", "output": "\(output)"])
    }

    /// Finishes the ``receive()`` stream and refuses further sends; the fds stay open.
    public func disconnect() async {
        guard case .connected(let reader) = state else {
            if case .idle = state { continuation.finish() }
            state = .disconnected
            return
        }
        state = .disconnected
        await reader.stop()
        logger.debug("MCP stdio transport disconnected", metadata: ["input": "\(input)", "output": "\(output)"])
    }

    /// Writes `message` and a newline to the output, whole.
    ///
    /// - Parameter message: one JSON-RPC message (or batch), without a trailing newline.
    /// - Throws: ``MCPStdioTransportError``: `notConnected`, `peerClosed` when the reader of the
    ///   output has gone, `writeFailed` for any other write error.
    public func send(_ message: Data) async throws(MCPStdioTransportError) {
        guard case .connected = state else { throw .notConnected(output: output) }
        var line = message
        line.append(UInt8(ascii: "\n"))
        let output = self.output
        let result: Result<Void, POSIXErrno> = line.withUnsafeBytes { bytes in
            Result { () throws(POSIXErrno) in try POSIXPipe.writeAll(output, bytes) }
        }
        if case .failure(let failure) = result {
            let error = MCPStdioTransportError.writeFailed(output: output, errno: failure.code)
            logger.debug("\(error.message)")
            throw error
        }
    }

    /// The messages read from the input, each one line without its newline.
    ///
    /// The same stream on every call; it finishes at end of input or on ``disconnect()``.
    public func receive() -> AsyncThrowingStream<Data, any Error> {
        messages
    }
}

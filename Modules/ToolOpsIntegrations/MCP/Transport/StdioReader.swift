import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The reading half of an ``MCPStdioTransport``: a dedicated thread in blocking `read(2)`.
///
/// A blocking read wakes the moment data arrives, with no polling interval, and never occupies a
/// thread of Swift's cooperative pool. Each complete line is yielded to the stream as it is found;
/// end of file finishes the stream, a read error finishes it with ``MCPStdioTransportError``.
final class StdioReader: Sendable {
    let input: Int32
    let configuration: MCPStdioTransport.Configuration
    let logger: Logger
    let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    /// Set by ``stop()``: whatever the thread reads afterwards is discarded.
    private let stopped = Atomic<Bool>(false)

    init(
        input: Int32, configuration: MCPStdioTransport.Configuration, logger: Logger,
        continuation: AsyncThrowingStream<Data, any Error>.Continuation
    ) {
        self.input = input
        self.configuration = configuration
        self.logger = logger
        self.continuation = continuation
    }

    /// Starts the reading thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "mcp-stdio-read-fd\(input)"
        thread.start()
    }

    /// Finishes the stream; the thread, blocked in `read(2)`, exits after its next read returns.
    func stop() {
        stopped.store(true, ordering: .releasing)
        continuation.finish()
    }

    private func run() {
        var framer = LineFramer(maxBytes: configuration.maxMessageBytes)
        var buffer = [UInt8](repeating: 0, count: configuration.readChunkBytes)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            let code = errno
            if stopped.load(ordering: .acquiring) { return }
            if count > 0 {
                let events = buffer.withUnsafeBytes { framer.append(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                for event in events { deliver(event) }
            } else if count == 0 {
                if framer.partialBytes > 0 {
                    logger.warning(
                        "MCP stdio input closed in the middle of a message; its bytes are dropped",
                        metadata: ["fd": "\(input)", "bytes": "\(framer.partialBytes)"])
                }
                logger.debug("MCP stdio input closed (EOF)", metadata: ["fd": "\(input)"])
                continuation.finish()
                return
            } else if code == EINTR {
                continue
            } else if code == EAGAIN || code == EWOULDBLOCK {
                // Someone else made the fd non-blocking: wait for data rather than spin or sleep.
                POSIXPipe.wait(input, for: Int16(POLLIN))
            } else {
                let error = MCPStdioTransportError.readFailed(input: input, errno: code)
                logger.error("\(error.message)")
                continuation.finish(throwing: error)
                return
            }
        }
    }

    private func deliver(_ event: LineFramer.Event) {
        switch event {
        case .message(let message):
            logger.trace("MCP message received", metadata: ["bytes": "\(message.count)"])
            continuation.yield(message)
        case .oversized(let bytes):
            let limit = configuration.maxMessageBytes
            logger.error(
                """
                MCP message of \(bytes) bytes dropped: over maxMessageBytes (\(limit)); raise \
                MCPStdioTransport.Configuration.maxMessageBytes if such messages are expected
                """,
                metadata: ["fd": "\(input)", "bytes": "\(bytes)"])
        }
    }
}

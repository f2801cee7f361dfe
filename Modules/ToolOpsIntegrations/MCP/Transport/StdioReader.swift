import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The reading half of an ``MCPStdioTransport``: a dedicated thread waiting in `poll(2)` on the
/// input and on a wake-up pipe of its own, then reading what arrived.
///
/// The wait ends the moment data arrives, with no polling interval, and never occupies a thread of
/// Swift's cooperative pool. Each complete line is yielded to the stream as it is found; end of
/// file finishes the stream, a read error finishes it with ``MCPStdioTransportError``. ``stop()``
/// wakes the thread through the wake-up pipe and returns once it has exited, so the caller may
/// close the input right after: the thread never touches an fd number that may have been reused.
final class StdioReader: Sendable {
    let input: Int32
    let configuration: MCPStdioTransport.Configuration
    let logger: Logger
    let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    /// Set by ``stop()``: whatever the thread reads afterwards is discarded.
    private let stopped = Atomic<Bool>(false)
    /// The wake-up pipe: ``stop()`` writes a byte to `write`; the thread polls `read`.
    private let wake: (read: Int32, write: Int32)
    /// Whether the thread has exited, and who waits for it.
    private let exit = Mutex<(exited: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    init(
        input: Int32, configuration: MCPStdioTransport.Configuration, logger: Logger,
        continuation: AsyncThrowingStream<Data, any Error>.Continuation
    ) {
        self.input = input
        self.configuration = configuration
        self.logger = logger
        self.continuation = continuation
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        wake = (fds[0], fds[1])
    }

    /// Starts the reading thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "mcp-stdio-read-fd\(input)"
        thread.start()
    }

    // Closed here, not when the thread exits: `stop()` may write to the pipe after that.
    deinit {
        if wake.read >= 0 { close(wake.read) }
        if wake.write >= 0 { close(wake.write) }
    }

    /// Finishes the stream, wakes the thread and returns once it has exited.
    func stop() async {
        stopped.store(true, ordering: .releasing)
        continuation.finish()
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let exited = exit.withLock { state in
                if !state.exited { state.waiters.append(waiter) }
                return state.exited
            }
            if exited { waiter.resume() }
        }
    }

    private func run() {
        defer {
            for waiter in exit.withLock({ state in
                state.exited = true
                return state.waiters
            }) {
                waiter.resume()
            }
        }
        var framer = LineFramer(maxBytes: configuration.maxMessageBytes)
        var buffer = [UInt8](repeating: 0, count: configuration.readChunkBytes)
        while true {
            if stopped.load(ordering: .acquiring) || !waitForInput() { return }
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
                continue  // someone else made the fd non-blocking; the poll above waits for data
            } else {
                let error = MCPStdioTransportError.readFailed(input: input, errno: code)
                logger.error("\(error.message)")
                continuation.finish(throwing: error)
                return
            }
        }
    }

    /// Waits until the input has data (or end of file, or an error, which the read reports);
    /// `false` when ``stop()`` woke the thread instead.
    private func waitForInput() -> Bool {
        // poll(2) ignores a negative fd and never reports a write-only one readable: let the read
        // fail (EBADF) instead of waiting forever.
        guard input >= 0, fcntl(input, F_GETFL) & O_ACCMODE != O_WRONLY else { return true }
        var descriptors = [pollfd(fd: input, events: Int16(POLLIN), revents: 0)]
        if wake.read >= 0 { descriptors.append(pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)) }
        // Without a wake-up pipe (pipe(2) failed), wake every 100 ms to see whether stop() was called.
        let timeout: Int32 = descriptors.count > 1 ? -1 : 100
        while true {
            let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
            if ready < 0 && errno == EINTR { continue }
            if ready == 0 {
                if stopped.load(ordering: .acquiring) { return false }
                continue
            }
            if descriptors.count > 1 && descriptors[1].revents != 0 { return false }
            return true  // input ready, hung up or in error (or poll failed): the read says which
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

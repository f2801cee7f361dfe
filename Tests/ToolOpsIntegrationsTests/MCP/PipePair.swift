import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `pipe(2)`: bytes written to ``writeEnd`` come out of ``readEnd``.
///
/// Each end is closed at most once: tests run in parallel, and closing an fd number twice could
/// close another test's pipe that reused it.
final class PipePair: Sendable {
    let readEnd: Int32
    let writeEnd: Int32
    private let closed = Mutex<(read: Bool, write: Bool)>((false, false))

    init() {
        var fds: [Int32] = [-1, -1]
        precondition(pipe(&fds) == 0, "pipe(2) failed: errno \(errno)")
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    /// Writes `text` with one `write(2)` (keep it under the pipe's buffer so it goes in whole).
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
        precondition(written == bytes.count, "short write to the test pipe")
    }

    func closeReadEnd() {
        if closed.withLock({ state in
            defer { state.read = true }; return !state.read
        }) {
            _ = close(readEnd)
        }
    }

    func closeWriteEnd() {
        if closed.withLock({ state in
            defer { state.write = true }; return !state.write
        }) {
            _ = close(writeEnd)
        }
    }
    /// Closes the write end first, so a thread blocked reading this pipe sees end of input.
    func closeBoth() {
        closeWriteEnd()
        closeReadEnd()
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A `pipe(2)`: bytes written to ``writeEnd`` come out of ``readEnd``.
struct PipePair: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

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

    func closeReadEnd() { _ = close(readEnd) }
    func closeWriteEnd() { _ = close(writeEnd) }
    /// Closes the write end first, so a thread blocked reading this pipe sees end of input.
    func closeBoth() {
        closeWriteEnd()
        closeReadEnd()
    }
}

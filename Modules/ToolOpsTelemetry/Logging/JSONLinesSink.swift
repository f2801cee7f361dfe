/// Where a ``JSONLinesLogHandler`` sends its finished lines.
///
/// A sink receives one complete record at a time — a compact JSON object followed by `"\n"`, as
/// UTF-8 bytes — and must keep each line whole: two calls from two threads must never interleave.
/// ``FileDescriptorSink`` writes to standard error, standard output or a file; implement this
/// protocol to send lines somewhere else, or to capture them in a test.
///
/// ```swift
/// final class CapturingSink: JSONLinesSink {
///     private let lines = Mutex<[String]>([])
///     func write(line: [UInt8]) {
///         lines.withLock { $0.append(String(decoding: line, as: UTF8.self)) }
///     }
/// }
/// ```
public protocol JSONLinesSink: Sendable {
    /// Writes one whole line, `"\n"` included; called concurrently from any thread.
    func write(line: [UInt8])
}

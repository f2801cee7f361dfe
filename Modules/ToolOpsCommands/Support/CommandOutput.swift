import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command writes: standard output for results, standard error for diagnostics.
///
/// Commands never call `print`; they write here, so tests and apps that run a command in-process
/// can capture what it says. Machine output (`--json`) and human tables go to
/// ``CommandStream/standardOutput``; errors, warnings and prompts go to
/// ``CommandStream/standardError``.
///
/// ```swift
/// let output = CapturedOutput()
/// try await ToolOpsRootCommand.run(["stats", "--json"], in: CommandEnvironment(output: output))
/// print(output.standardOutput)
/// ```
public protocol CommandOutput: Sendable {
    /// Writes `text` as is (no newline added) to `stream`.
    func write(_ text: String, to stream: CommandStream)
}

/// One of a command's two output streams.
public enum CommandStream: Sendable, Hashable {
    /// Results: tables and JSON.
    case standardOutput
    /// Diagnostics: errors, warnings, progress and prompts.
    case standardError
}

extension CommandOutput {
    /// Writes `text` and a newline to standard output.
    public func line(_ text: String = "") {
        write(text + "\n", to: .standardOutput)
    }

    /// Writes `text` and a newline to standard error.
    public func diagnostic(_ text: String) {
        write(text + "\n", to: .standardError)
    }
}

/// The process's standard output and standard error: what the `toolops` executable writes to.
public struct StandardOutput: CommandOutput {
    /// The process's streams.
    public init() {}

    /// Writes `text` to the process's standard output or standard error, unbuffered.
    public func write(_ text: String, to stream: CommandStream) {
        writeAll(Array(text.utf8), to: stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO)
    }
}

/// Writes every byte to `descriptor`: write(2) may take fewer than asked (a pipe). Retries on
/// EINTR; gives up quietly on a closed stream, as `print` does.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
}

/// Keeps what a command writes, for tests and for apps that show it somewhere else.
public final class CapturedOutput: CommandOutput {
    private let streams = Mutex((standardOutput: "", standardError: ""))

    /// An empty capture.
    public init() {}

    /// Appends `text` to what was captured for `stream`.
    public func write(_ text: String, to stream: CommandStream) {
        streams.withLock { streams in
            switch stream {
            case .standardOutput: streams.standardOutput += text
            case .standardError: streams.standardError += text
            }
        }
    }

    /// Everything written to standard output so far.
    public var standardOutput: String { streams.withLock { $0.standardOutput } }

    /// Everything written to standard error so far.
    public var standardError: String { streams.withLock { $0.standardError } }
}

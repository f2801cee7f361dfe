import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A sink that writes each line to a file descriptor with a single `write(2)`, under a lock.
///
/// Use ``standardError`` (the default of ``JSONLinesLogHandler``), ``standardOutput`` (only when
/// nothing else uses standard output — a CLI's results and the MCP stdio transport do), or
/// ``init(appendingTo:)`` for a file. Share one sink between all handlers: handlers are values
/// that are copied freely, while the sink owns the descriptor and serializes writes to it.
///
/// A line goes out in one `write(2)` call, so lines never interleave within this process, and with
/// `O_APPEND` they do not interleave with other processes appending to the same local file either.
/// A short write (a pipe that is full, a signal) is completed with more calls while the lock is
/// held. A line that cannot be written is dropped — logging never throws or blocks forever — and
/// counted in ``failedWriteCount``.
///
/// ```swift
/// let sink = try FileDescriptorSink(appendingTo: "/var/log/toolops.jsonl")
/// LoggingSystem.bootstrap { label in JSONLinesLogHandler(label: label, sink: sink) }
/// ```
public final class FileDescriptorSink: JSONLinesSink {
    /// Standard error, never closed. The default destination of ``JSONLinesLogHandler``.
    public static let standardError = FileDescriptorSink(fileDescriptor: STDERR_FILENO)

    /// Standard output, never closed.
    ///
    /// Never the default: a CLI prints its results and an MCP server speaks its protocol there.
    public static let standardOutput = FileDescriptorSink(fileDescriptor: STDOUT_FILENO)

    /// The descriptor; the lock around it is what keeps concurrent lines whole.
    private let descriptor: Mutex<Int32>
    private let closesOnDeinit: Bool
    private let failures = Atomic<Int>(0)

    /// A sink writing to `fileDescriptor`, which the caller keeps open and closes.
    ///
    /// ```swift
    /// let sink = FileDescriptorSink(fileDescriptor: STDERR_FILENO)
    /// ```
    public convenience init(fileDescriptor: Int32) {
        self.init(fileDescriptor: fileDescriptor, closesOnDeinit: false)
    }

    /// A sink appending to the file at `path`, created with mode 0600 if it does not exist.
    ///
    /// An existing file keeps its contents and its permissions. The descriptor is closed when the
    /// sink is released.
    ///
    /// ```swift
    /// let sink = try FileDescriptorSink(appendingTo: "toolops.jsonl")
    /// ```
    ///
    /// - Throws: ``JSONLinesFileError`` naming the path and the operating system's reason.
    public convenience init(appendingTo path: String) throws(JSONLinesFileError) {
        let fileDescriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fileDescriptor >= 0 else { throw JSONLinesFileError(path: path, errorNumber: errno) }
        self.init(fileDescriptor: fileDescriptor, closesOnDeinit: true)
    }

    private init(fileDescriptor: Int32, closesOnDeinit: Bool) {
        self.descriptor = Mutex(fileDescriptor)
        self.closesOnDeinit = closesOnDeinit
    }

    deinit {
        if closesOnDeinit { _ = close(descriptor.withLock { $0 }) }
    }

    /// How many lines could not be written (a closed pipe, a full disk) and were dropped.
    public var failedWriteCount: Int {
        failures.load(ordering: .relaxed)
    }

    /// Writes `line` whole; drops it and counts a failure if the descriptor refuses it.
    public func write(line: [UInt8]) {
        let written = line.withUnsafeBytes { bytes in
            descriptor.withLock { writeFully(bytes, to: $0) }
        }
        if !written { failures.add(1, ordering: .relaxed) }
    }
}

/// Writes all of `bytes` — in one call unless the kernel takes fewer — retrying on `EINTR`.
private func writeFully(_ bytes: UnsafeRawBufferPointer, to fileDescriptor: Int32) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var offset = 0
    while offset < bytes.count {
        let count = write(fileDescriptor, base + offset, bytes.count - offset)
        if count > 0 {
            offset += count
        } else if count < 0, errno == EINTR {
            continue
        } else {
            return false
        }
    }
    return true
}

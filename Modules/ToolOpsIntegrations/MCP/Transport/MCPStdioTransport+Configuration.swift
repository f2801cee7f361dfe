extension MCPStdioTransport {
    /// Limits and process-wide choices of an ``MCPStdioTransport``.
    ///
    /// ```swift
    /// let transport = MCPStdioTransport(configuration: .init(maxMessageBytes: 1 << 20))
    /// ```
    public struct Configuration: Sendable, Hashable {
        /// The largest message accepted, in bytes, without its newline. Default 16 MiB.
        ///
        /// A longer line is dropped as it arrives (never buffered whole) and logged as an error;
        /// the messages after it are delivered as usual.
        public var maxMessageBytes: Int
        /// How many bytes one `read(2)` asks for. Default 64 KiB.
        public var readChunkBytes: Int
        /// Whether `connect()` sets `SIGPIPE` to ignored when it still has its default action. Default `true`.
        ///
        /// Writing to a pipe whose reader has gone raises `SIGPIPE`, whose default action kills the
        /// process; ignored, the write fails with `EPIPE` instead and `send` throws
        /// ``MCPStdioTransportError/Code/peerClosed``. Pipes have no per-call `MSG_NOSIGNAL`, so this
        /// is a process-wide setting (as in most servers, and Python's default): a handler the
        /// application installed is left alone, the setting is not undone by `disconnect()`, and
        /// programs the process starts afterwards inherit it (POSIX keeps `SIG_IGN` across `exec`).
        /// Set `false` if the process manages `SIGPIPE` itself.
        public var ignoresSIGPIPE: Bool

        public init(maxMessageBytes: Int = 16 << 20, readChunkBytes: Int = 64 << 10, ignoresSIGPIPE: Bool = true) {
            self.maxMessageBytes = max(1, maxMessageBytes)
            self.readChunkBytes = max(1, readChunkBytes)
            self.ignoresSIGPIPE = ignoresSIGPIPE
        }
    }
}

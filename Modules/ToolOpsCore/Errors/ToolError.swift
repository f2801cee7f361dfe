/// The error every ToolOps tool call throws.
///
/// A small taxonomy tells callers — and the retry loop and circuit breaker — what happened:
/// ``Code-swift.struct/timeout``, ``Code-swift.struct/circuitOpen``, ``Code-swift.struct/rateLimited``,
/// ``Code-swift.struct/bulkheadFull``, ``Code-swift.struct/invalidArguments``,
/// ``Code-swift.struct/upstream`` (with ``isRetryable`` and an optional ``retryAfter``),
/// ``Code-swift.struct/cancelled`` and ``Code-swift.struct/misconfigured``. The error raised by the
/// tool's own body is kept in ``underlying``.
///
/// ```swift
/// do { try await weather(.init(city: "Paris")) }
/// catch let error as ToolError where error.code == .circuitOpen { … }
/// ```
public struct ToolError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case timeout, circuitOpen, rateLimited, bulkheadFull, invalidArguments, upstream, cancelled
            case misconfigured
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// An attempt took longer than its timeout.
        public static let timeout = Code(.timeout)
        /// The circuit breaker is open and the call was not attempted.
        public static let circuitOpen = Code(.circuitOpen)
        /// The tool's rate limit was exceeded.
        public static let rateLimited = Code(.rateLimited)
        /// The tool's concurrency limit and its queue were full.
        public static let bulkheadFull = Code(.bulkheadFull)
        /// The arguments do not fit the tool's input type. A caller mistake, never retried.
        public static let invalidArguments = Code(.invalidArguments)
        /// The tool's body (the upstream service) failed.
        public static let upstream = Code(.upstream)
        /// The caller cancelled the call. A caller decision, never retried.
        public static let cancelled = Code(.cancelled)
        /// The tool or one of its stores is set up wrongly.
        public static let misconfigured = Code(.misconfigured)

        /// The code's name, for logs and metrics labels ("timeout", "circuitOpen", …).
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// The tool's declared name, when the error comes from a call.
    public var tool: String?
    /// What went wrong, in words; sensitive values are masked.
    public var message: String
    /// The argument the error is about (a dotted path such as `filters.limit`), if any.
    public var field: String?
    /// Whether trying again may succeed.
    public var isRetryable: Bool
    /// How long the upstream asked us to wait before trying again, if it said.
    public var retryAfter: Duration?
    /// The error thrown by the tool's body, if this wraps one.
    public var underlying: (any Error)?

    public init(
        code: Code,
        tool: String? = nil,
        message: String,
        field: String? = nil,
        isRetryable: Bool = false,
        retryAfter: Duration? = nil,
        underlying: (any Error)? = nil
    ) {
        self.code = code
        self.tool = tool
        self.message = message
        self.field = field
        self.isRetryable = isRetryable
        self.retryAfter = retryAfter
        self.underlying = underlying
    }

    public var description: String {
        var text = tool.map { "tool '\($0)': " } ?? ""
        text += "\(code): \(message)"
        if let field { text += " (field '\(field)')" }
        if let retryAfter { text += " (retry after \(retryAfter))" }
        return text
    }

    /// Whether the caller, not the upstream, is the cause (invalid arguments or cancellation).
    ///
    /// Caller errors are never retried and never count against a circuit breaker.
    public var isCallerError: Bool {
        code == .invalidArguments || code == .cancelled
    }
}

extension ToolError {
    /// A failure of the upstream service, for a tool body to throw when it knows more than a
    /// plain error says: whether a retry can help, and how long the service asked us to wait.
    ///
    /// ```swift
    /// if response.status == 429 {
    ///     throw ToolError.upstream("rate limited by API", retryable: true, retryAfter: .seconds(2))
    /// }
    /// ```
    public static func upstream(
        _ message: String,
        retryable: Bool = true,
        retryAfter: Duration? = nil,
        underlying: (any Error)? = nil
    ) -> ToolError {
        ToolError(
            code: .upstream, message: message, isRetryable: retryable, retryAfter: retryAfter, underlying: underlying)
    }

    /// Arguments that do not fit the tool's input.
    public static func invalidArguments(_ message: String, field: String? = nil, tool: String? = nil) -> ToolError {
        ToolError(code: .invalidArguments, tool: tool, message: message, field: field)
    }

    /// A tool or store set up wrongly; thrown when the tool is built.
    public static func misconfigured(_ message: String, tool: String? = nil, field: String? = nil) -> ToolError {
        ToolError(code: .misconfigured, tool: tool, message: message, field: field)
    }

    /// The call was cancelled by its caller.
    public static func cancelled(tool: String? = nil) -> ToolError {
        ToolError(code: .cancelled, tool: tool, message: "the call was cancelled by its caller")
    }
}

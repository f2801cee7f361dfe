/// Per-call choices a caller can make without rebuilding the tool.
///
/// ```swift
/// try await weather(query, options: CallOptions(cache: .refresh))
/// try await sendEmail(message, options: CallOptions(idempotencyKey: "order-42-receipt"))
/// ```
public struct CallOptions: Sendable, Hashable {
    /// How this call uses the cache.
    public enum CachePolicy: Sendable, Hashable {
        /// Read a fresh entry if there is one, otherwise call and store the result.
        case use
        /// Skip the cache entirely: no read, no write.
        case bypass
        /// Skip the read, call the tool, and store the result (forces a refresh).
        case refresh
    }

    /// How this call uses the cache. Default ``CachePolicy/use``.
    public var cache: CachePolicy
    /// A key that makes repeating this call safe; allows retries of a side-effect tool.
    public var idempotencyKey: String?
    /// The agent session this call belongs to, carried into events for telemetry.
    public var sessionID: String?
    /// The model's id for this tool call (OpenAI's `tool_call.id`, Anthropic's `tool_use.id`),
    /// recorded on the call's span as `gen_ai.tool.call.id`.
    public var toolCallID: String?

    public init(
        cache: CachePolicy = .use, idempotencyKey: String? = nil, sessionID: String? = nil, toolCallID: String? = nil
    ) {
        self.cache = cache
        self.idempotencyKey = idempotencyKey
        self.sessionID = sessionID
        self.toolCallID = toolCallID
    }
}

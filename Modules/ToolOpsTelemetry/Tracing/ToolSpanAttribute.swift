import ToolOpsCore
import Tracing

/// The span attribute names ``ToolTracer`` sets: OpenTelemetry's GenAI conventions where they
/// exist, `toolops.*` for the rest.
public enum ToolSpanAttribute {
    /// `gen_ai.operation.name`, always `execute_tool`.
    public static let operationName = "gen_ai.operation.name"
    /// `gen_ai.tool.name`: the tool's declared name.
    public static let toolName = "gen_ai.tool.name"
    /// `gen_ai.tool.type`: `function`.
    public static let toolType = "gen_ai.tool.type"
    /// `gen_ai.tool.call.id`: the model's id for the tool call, when the caller passed one
    /// (``ToolOpsCore/CallOptions/toolCallID``).
    public static let toolCallID = "gen_ai.tool.call.id"
    /// `toolops.call.id`: the call's id in this process, the `call_id` of its log records.
    public static let callID = "toolops.call.id"
    /// `gen_ai.tool.description`: the tool's description, when it has one.
    public static let toolDescription = "gen_ai.tool.description"
    /// `gen_ai.tool.call.arguments`: the masked arguments as JSON (opt-in).
    public static let toolCallArguments = "gen_ai.tool.call.arguments"
    /// `gen_ai.conversation.id`: the agent session the call belongs to.
    public static let conversationID = "gen_ai.conversation.id"
    /// `error.type`: the ``ToolOpsCore/ToolError/Code-swift.struct`` of a failure.
    public static let errorType = "error.type"
    /// `toolops.tool.version`: the tool's declared version.
    public static let toolVersion = "toolops.tool.version"
    /// `toolops.cache`: what the cache did for the call (`hit`, `miss`, `stale`, `coalesced`, `coalesced_remote`).
    public static let cache = "toolops.cache"
    /// `toolops.cache.store`: the store that answered or missed.
    public static let cacheStore = "toolops.cache.store"
    /// `toolops.upstream.attempts`: how many times the tool's body ran for this call.
    public static let upstreamAttempts = "toolops.upstream.attempts"
    /// `toolops.attempt`: the attempt number of an attempt span, from 1.
    public static let attempt = "toolops.attempt"

    /// Sets the attributes known when the call's span starts.
    static func describe(_ call: TracedCall, on span: some Span) {
        let descriptor = call.descriptor
        span.updateAttributes { attributes in
            attributes[operationName] = "execute_tool"
            attributes[toolName] = descriptor.name
            attributes[toolType] = "function"
            attributes[callID] = String(call.callID)
            if let id = call.toolCallID { attributes[toolCallID] = id }
            attributes[toolVersion] = descriptor.version
            if !descriptor.description.isEmpty { attributes[toolDescription] = descriptor.description }
            if let sessionID = call.sessionID { attributes[conversationID] = sessionID }
        }
    }
}

extension ToolError {
    /// The error without the body's original error, which a tracer might describe unmasked.
    var withoutUnderlying: ToolError {
        var copy = self
        copy.underlying = nil
        return copy
    }
}

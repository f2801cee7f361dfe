/// The values a tool takes and returns: anything `Codable` and `Sendable`.
public typealias ToolValue = Codable & Sendable

/// The rest of the pipeline, as seen from a middleware.
public typealias ToolNext<Input: ToolValue, Output: ToolValue> =
    @Sendable (ToolCall<Input, Output>) async throws -> Output

/// One stage of a tool's pipeline: caching, coalescing, retrying, or anything of your own.
///
/// A middleware gets the call and the rest of the pipeline (`next`). It may answer without calling
/// `next` (a cache hit), call it several times (a retry loop), or change how it is called (a timeout).
///
/// ```swift
/// struct AuditMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
///     func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output {
///         let output = try await next(call)
///         audit.record(call.key)
///         return output
///     }
/// }
/// pipeline.add(AuditMiddleware(), at: .admission)
/// ```
public protocol ToolMiddleware<Input, Output>: Sendable {
    associatedtype Input: ToolValue
    associatedtype Output: ToolValue

    /// Handles one call, usually by passing it on to `next`.
    func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
}

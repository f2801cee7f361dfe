import ToolOpsCore

/// Runs each call inside a ``Bulkhead`` slot.
///
/// Add it at ``PipelineStage/admission``, outside the retry loop: a call holds one slot for all
/// its attempts, and waits in the bulkhead's queue while every slot is busy. When the queue is
/// full too, it fails at once with a non-retryable `bulkheadFull` error and emits
/// ``ToolEvent/Kind/rejected(_:)``. A caller cancelled while queued leaves the queue and the call
/// ends as cancelled.
///
/// ```swift
/// let bulkhead = Bulkhead(configuration: .init(maxConcurrent: 4, maxQueue: 16))
/// pipeline.add(BulkheadMiddleware(bulkhead: bulkhead), at: .admission)
/// ```
public struct BulkheadMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
    /// The bulkhead the calls run in; share one to cap several tools together.
    public let bulkhead: Bulkhead

    /// Creates the middleware.
    public init(bulkhead: Bulkhead) {
        self.bulkhead = bulkhead
    }

    /// Waits for a slot (or is refused with `bulkheadFull`), runs the call, and frees the slot.
    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
    {
        do {
            try await bulkhead.acquire()
        } catch {
            let refusal = call.classify(error)
            if refusal.code == .bulkheadFull { call.emit(.rejected(.bulkheadFull)) }
            throw refusal
        }
        defer { bulkhead.release() }
        return try await next(call)
    }
}

extension BulkheadMiddleware: PassThroughStage {}

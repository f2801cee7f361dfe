import ToolOpsCore

/// Joins identical concurrent calls of a read-only tool into one upstream call.
///
/// Calls with the same ``CallKey`` that arrive while one is in flight wait for it and share its
/// value or error; each follower reports a `coalesced` event as it joins. Side-effect tools pass straight
/// through: two "send email" calls are two emails. Add it at ``PipelineStage/coalesce``, outside
/// the cache fill stage so the cache is written once per flight.
///
/// ```swift
/// pipeline.add(CoalescingMiddleware(), at: .coalesce)
/// ```
public struct CoalescingMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
    /// The flights of this tool, by key.
    public let flights: SingleFlight<CallKey, Output>

    public init(flights: SingleFlight<CallKey, Output> = SingleFlight()) {
        self.flights = flights
    }

    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
    {
        guard call.descriptor.effect.isReadOnly else { return try await next(call) }
        return try await flights.run(call.key, onJoin: { call.emit(.coalesced) }) { try await next(call) }.value
    }
}

import ToolOpsCore

/// What identical calls share a flight by: the call's key and how it uses the cache.
///
/// The cache policy is part of it because the flight runs with its first caller's options: a
/// `refresh` caller (which skipped the cache, so it has no stale value to fall back on) must not
/// answer a `use` caller that has one, and a `bypass` flight writes nothing to the cache.
public struct FlightKey: Hashable, Sendable {
    /// The call's key.
    public let call: CallKey
    /// The call's cache policy.
    public let cache: CallOptions.CachePolicy

    public init(call: CallKey, cache: CallOptions.CachePolicy) {
        self.call = call
        self.cache = cache
    }
}

/// The flights of one tool's calls. Values are type-erased so that the single-flight machinery
/// is compiled once for concrete types instead of running as unspecialised generic code on every call.
public typealias CallFlights = SingleFlight<FlightKey, any Sendable>

/// Joins identical concurrent calls of a read-only tool into one upstream call.
///
/// Calls with the same ``CallKey`` that arrive while one is in flight wait for it and share its
/// value or error; each follower reports a `coalesced` event as it joins. Side-effect tools pass
/// straight through: two "send email" calls are two emails. Add it at ``PipelineStage/coalesce``,
/// outside the cache fill stage so the cache is written once per flight.
///
/// ```swift
/// pipeline.add(CoalescingMiddleware(), at: .coalesce)
/// ```
public struct CoalescingMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
    /// The flights of this tool, by key.
    public let flights: CallFlights

    public init(flights: CallFlights = CallFlights()) {
        self.flights = flights
    }

    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
    {
        guard call.descriptor.effect.isReadOnly else { return try await next(call) }
        let key = FlightKey(call: call.key, cache: call.options.cache)
        let shared = try await flights.run(key, onJoin: { call.emit(.coalesced) }) {
            try await next(call) as any Sendable
        }
        // The key includes the tool, so a flight's value is always this tool's Output.
        return shared.value as! Output
    }
}

extension CoalescingMiddleware: PassThroughStage {}

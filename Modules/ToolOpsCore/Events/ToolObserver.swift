import Synchronization

/// Receives the events of tool calls; the seam where telemetry plugs in.
///
/// `observe` is called synchronously on the caller's task, on the hot path: keep it quick and
/// never block. Hand heavy work to a queue of your own.
public protocol ToolObserver: Sendable {
    /// Called once per event.
    func observe(_ event: ToolEvent)
}

/// An observer that ignores every event. The default.
public struct NoOpObserver: ToolObserver {
    public init() {}
    @inlinable public func observe(_ event: ToolEvent) {}
}

/// An observer that forwards every event to several observers, in order.
public struct MultiplexObserver: ToolObserver {
    /// The observers events are forwarded to.
    public let observers: [any ToolObserver]

    public init(_ observers: [any ToolObserver]) {
        self.observers = observers
    }

    public func observe(_ event: ToolEvent) {
        for observer in observers { observer.observe(event) }
    }
}

/// An observer that calls a closure for every event.
public struct ClosureObserver: ToolObserver {
    private let body: @Sendable (ToolEvent) -> Void

    public init(_ body: @escaping @Sendable (ToolEvent) -> Void) {
        self.body = body
    }

    public func observe(_ event: ToolEvent) { body(event) }
}

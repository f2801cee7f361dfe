import Synchronization

/// Receives the events of tool calls; the seam where telemetry plugs in.
///
/// `observe` is called synchronously on the caller's task, on the hot path: keep it quick and
/// never block. Hand heavy work to a queue of your own.
public protocol ToolObserver: Sendable {
    /// Called once per event.
    func observe(_ event: ToolEvent)

    /// On which events this observer reads ``ToolEvent/arguments``. Tools skip preparing them for
    /// the others — for all events by default. Read once, when a tool is built.
    var argumentNeeds: ArgumentNeeds { get }
}

extension ToolObserver {
    /// None: most observers count and time calls without looking at their arguments.
    public var argumentNeeds: ArgumentNeeds { [] }
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
    /// Where any of the observers reads arguments.
    public let argumentNeeds: ArgumentNeeds

    public init(_ observers: [any ToolObserver]) {
        self.observers = observers
        argumentNeeds = observers.reduce(into: []) { $0.formUnion($1.argumentNeeds) }
    }

    public func observe(_ event: ToolEvent) {
        // By index: the element is borrowed in place, where `for … in` copies (retains) each one.
        for index in observers.indices { observers[index].observe(event) }
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

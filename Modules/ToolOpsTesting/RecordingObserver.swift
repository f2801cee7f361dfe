import Synchronization
import ToolOpsCore

/// An observer that keeps every event, for assertions.
public final class RecordingObserver: ToolObserver {
    private let recorded = Mutex<[ToolEvent]>([])

    public init() {}

    public func observe(_ event: ToolEvent) {
        recorded.withLock { $0.append(event) }
    }

    /// Every event so far, in arrival order.
    public var events: [ToolEvent] {
        recorded.withLock { $0 }
    }

    /// The names of every event so far ("cache_hit", "retry", …), in arrival order.
    public var names: [String] {
        recorded.withLock { $0.map(\.kind.name) }
    }

    /// How many events named `name` arrived.
    public func count(_ name: String) -> Int {
        recorded.withLock { events in events.reduce(0) { $0 + ($1.kind.name == name ? 1 : 0) } }
    }

    /// Forgets every event.
    public func reset() {
        recorded.withLock { $0.removeAll() }
    }
}

/// An observer that only counts events by kind, lock-free; cheap enough for benchmarks.
public final class CountingObserver: ToolObserver {
    private let counters = ToolEvent.Kind.allNames.map { _ in Counter() }

    public init() {}

    public func observe(_ event: ToolEvent) {
        counters[event.kind.index].increment()
    }

    /// How many events named `name` arrived.
    public func count(_ name: String) -> Int {
        guard let index = ToolEvent.Kind.allNames.firstIndex(of: name) else { return 0 }
        return counters[index].value
    }

    /// Every count, by event name.
    public var all: [String: Int] {
        Dictionary(uniqueKeysWithValues: zip(ToolEvent.Kind.allNames, counters.map { $0.value }))
    }
}

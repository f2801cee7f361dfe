import Synchronization

/// A thread-safe counter to share between test tasks and tool bodies.
public final class Counter: Sendable {
    private let storage = Atomic<Int>(0)

    public init() {}

    /// Adds one and returns the new value.
    @discardableResult
    public func increment() -> Int {
        storage.add(1, ordering: .relaxed).newValue
    }

    /// The current value.
    public var value: Int { storage.load(ordering: .relaxed) }
}

/// A thread-safe boolean flag to share between test tasks and tool bodies.
public final class Flag: Sendable {
    private let storage: Atomic<Bool>

    public init(_ value: Bool = false) {
        storage = Atomic(value)
    }

    /// The current value.
    public var value: Bool {
        get { storage.load(ordering: .relaxed) }
    }

    /// Sets the value.
    public func set(_ value: Bool) {
        storage.store(value, ordering: .relaxed)
    }
}

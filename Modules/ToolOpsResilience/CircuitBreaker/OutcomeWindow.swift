/// The last `capacity` outcomes of a breaker in failure-rate mode, as a ring buffer.
///
/// Recording is O(1) and keeps a running count of failures, so the rate is cheap to read on
/// every call.
struct OutcomeWindow: Sendable {
    private var slots: [Bool]
    private var nextIndex = 0
    /// Outcomes held, up to the capacity.
    private(set) var count = 0
    /// Failures among them.
    private(set) var failures = 0

    init(capacity: Int) {
        slots = Array(repeating: false, count: max(0, capacity))
    }

    var capacity: Int { slots.count }

    /// failures / count, or 0 while empty.
    var failureRate: Double {
        count == 0 ? 0 : Double(failures) / Double(count)
    }

    mutating func record(failure: Bool) {
        guard capacity > 0 else { return }
        if count == capacity {
            if slots[nextIndex] { failures -= 1 }
        } else {
            count += 1
        }
        slots[nextIndex] = failure
        if failure { failures += 1 }
        nextIndex = (nextIndex + 1) % capacity
    }

    // Slots past `count` are never read, so they need no clearing.
    mutating func removeAll() {
        count = 0
        failures = 0
        nextIndex = 0
    }
}

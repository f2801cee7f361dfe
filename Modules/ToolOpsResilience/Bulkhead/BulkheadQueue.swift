/// The slots and waiters of a ``Bulkhead``, guarded by its lock.
///
/// A waiter first gets an id (``admit(maxConcurrent:maxQueue:)``), then registers its continuation
/// (``enqueue(_:_:maxConcurrent:)``). Cancellation may strike between the two, so ids in
/// that gap are tracked in `unregistered`; the admission is re-checked at registration, because a
/// slot may have been freed meanwhile.
struct BulkheadQueue: Sendable {
    typealias Waiter = CheckedContinuation<Void, any Error>

    enum Admission {
        case granted
        case full
        case mustWait(UInt64)
    }

    enum Registration {
        case queued, granted, cancelled
    }

    private(set) var active = 0
    private(set) var queue: [(id: UInt64, waiter: Waiter)] = []
    private(set) var rejections = 0
    private var nextID: UInt64 = 0
    // Ids between admit and enqueue; `true` once cancelled in that gap.
    private var unregistered: [UInt64: Bool] = [:]

    mutating func admit(maxConcurrent: Int, maxQueue: Int) -> Admission {
        if active < maxConcurrent, queue.isEmpty {
            active += 1
            return .granted
        }
        guard queue.count + unregistered.count < maxQueue else {
            rejections += 1
            return .full
        }
        nextID &+= 1
        unregistered[nextID] = false
        return .mustWait(nextID)
    }

    mutating func enqueue(_ id: UInt64, _ waiter: Waiter, maxConcurrent: Int) -> Registration {
        let cancelled = unregistered.removeValue(forKey: id) ?? false
        if cancelled { return .cancelled }
        if active < maxConcurrent, queue.isEmpty {
            active += 1
            return .granted
        }
        queue.append((id, waiter))
        return .queued
    }

    /// Removes a cancelled waiter; returns its continuation if it was still queued.
    mutating func cancel(_ id: UInt64) -> Waiter? {
        if unregistered[id] != nil {
            unregistered[id] = true
            return nil
        }
        guard let index = queue.firstIndex(where: { $0.id == id }) else { return nil }
        return queue.remove(at: index).waiter
    }

    /// Frees a slot, or hands it to the first waiter (returned, to resume outside the lock).
    mutating func release() -> Waiter? {
        guard queue.isEmpty else { return queue.removeFirst().waiter }
        active = max(0, active - 1)
        return nil
    }
}

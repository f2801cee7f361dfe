import Synchronization
import ToolOpsCore

/// Caps how many calls run at once, with a bounded first-in, first-out queue for the rest.
///
/// A call takes a slot with ``acquire()`` and gives it back with ``release()``. When every slot
/// is busy, it waits in the queue; when the queue is full too, it is refused at once with a
/// ``ToolError`` of code `bulkheadFull`. A released slot passes straight to the longest waiter.
/// A waiter whose task is cancelled leaves the queue and throws `CancellationError`.
///
/// ```swift
/// let bulkhead = Bulkhead(configuration: .init(maxConcurrent: 4, maxQueue: 16))
/// try await bulkhead.acquire()
/// defer { bulkhead.release() }
/// ```
///
/// Within a pipeline, ``BulkheadMiddleware`` does this for every call.
public final class Bulkhead: Sendable {
    /// How many calls run at once and how many may wait.
    public struct Configuration: Sendable, Hashable {
        /// Calls allowed to run at once (at least 1). Default 10.
        public var maxConcurrent: Int
        /// Calls allowed to wait for a slot (at least 0); more are refused. Default 10.
        public var maxQueue: Int

        /// Creates a configuration.
        public init(maxConcurrent: Int = 10, maxQueue: Int = 10) {
            self.maxConcurrent = maxConcurrent
            self.maxQueue = maxQueue
        }
    }

    /// The configuration the bulkhead was made with.
    public let configuration: Configuration
    private let maxConcurrent: Int
    private let maxQueue: Int
    private let state = Mutex(BulkheadQueue())

    /// Creates a bulkhead with every slot free.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        maxConcurrent = max(1, configuration.maxConcurrent)
        maxQueue = max(0, configuration.maxQueue)
    }

    /// Takes a slot, waiting in the queue while all are busy.
    ///
    /// - Throws: a ``ToolError`` with code `bulkheadFull` when every slot and the queue are taken;
    ///   `CancellationError` when the task is cancelled before it gets a slot.
    public func acquire() async throws {
        try Task.checkCancellation()
        let admission = state.withLock { $0.admit(maxConcurrent: maxConcurrent, maxQueue: maxQueue) }
        let id: UInt64
        switch admission {
        case .granted: return
        case .full: throw fullError()
        case .mustWait(let waiterID): id = waiterID
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let verdict = state.withLock { $0.enqueue(id, continuation, maxConcurrent: maxConcurrent) }
                switch verdict {
                case .queued: break
                case .granted: continuation.resume()
                case .cancelled: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let waiter = state.withLock { $0.cancel(id) }
            waiter?.resume(throwing: CancellationError())
        }
    }

    /// Gives a slot back; the longest waiter, if any, takes it.
    ///
    /// Call it exactly once for every successful ``acquire()``.
    public func release() {
        state.withLock { $0.release() }?.resume()
    }

    /// Calls running now.
    public var active: Int { state.withLock { $0.active } }

    /// Calls waiting for a slot now.
    public var queued: Int { state.withLock { $0.queue.count } }

    /// Calls refused because the slots and the queue were full, since the bulkhead was created.
    public var rejections: Int { state.withLock { $0.rejections } }

    private func fullError() -> ToolError {
        ToolError(
            code: .bulkheadFull,
            message: "all \(maxConcurrent) concurrent slot(s) are busy and the queue of \(maxQueue) is full; "
                + "try again later or raise maxConcurrent or maxQueue",
            isRetryable: false
        )
    }
}

import Synchronization
import ToolOpsCore

/// One upstream `embed` call of a ``CachingEmbedder``, shared by every caller that needs one of
/// its texts while it runs.
///
/// Callers wait on it with ``wait()``; a cancelled caller stops waiting at once. The caching
/// embedder counts the callers still interested (under its own lock) and cancels the call when
/// the last one leaves.
final class EmbeddingFlight: Sendable {
    typealias Outcome = Result<[String: [Float]], EmbeddingError>

    private struct State {
        var outcome: Outcome?
        var waiters: [UInt64: CheckedContinuation<Outcome, Never>] = [:]
        var nextWaiter: UInt64 = 0
        var interested = 0
        var task: Task<Void, Never>?
    }

    /// The texts this call embeds, each once.
    let texts: [String]
    private let state = Mutex(State())

    init(texts: [String]) {
        self.texts = texts
    }

    /// How many callers wait for this call now.
    var interested: Int { state.withLock { $0.interested } }

    /// Whether the outcome is known.
    var isFinished: Bool { state.withLock { $0.outcome != nil } }

    /// Counts one more interested caller; returns the new count (negative `by` counts one fewer).
    func addInterest(_ by: Int) -> Int {
        state.withLock { state in
            state.interested += by
            return state.interested
        }
    }

    /// Keeps the task running the call, to cancel it when nobody waits any more.
    func attach(_ task: Task<Void, Never>) { state.withLock { $0.task = task } }

    /// Cancels the running call.
    func cancel() { state.withLock { $0.task }?.cancel() }

    /// Records the outcome and resumes every waiter.
    func finish(_ outcome: Outcome) {
        let waiters = state.withLock { state in
            state.outcome = outcome
            defer { state.waiters = [:] }
            return state.waiters.values
        }
        for waiter in waiters { waiter.resume(returning: outcome) }
    }

    /// The outcome, or a `cancelled` failure as soon as the calling task is cancelled.
    func wait(embedder: String) async -> Outcome {
        let cancelled = Outcome.failure(
            EmbeddingError(code: .cancelled, embedder: embedder, message: "the caller was cancelled"))
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Checked under the lock that onCancel takes, so no waiter is stranded.
                let ready: Outcome? = state.withLock { state in
                    if let outcome = state.outcome { return outcome }
                    if Task.isCancelled { return cancelled }
                    state.waiters[id] = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: cancelled)
        }
    }
}

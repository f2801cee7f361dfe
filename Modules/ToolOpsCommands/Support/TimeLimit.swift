import Synchronization
import ToolOps

/// A step of a command did not finish within its time limit.
struct TimeLimitExceeded: Error, CustomStringConvertible {
    /// The limit.
    let limit: Duration

    var description: String { "no answer within \(Format.duration(limit))" }
}

/// Runs `operation`, giving up after `limit` on `clock` even if the operation ignores
/// cancellation (a blocking connect in a C library, say): a health check must answer in bounded
/// time.
///
/// When the limit wins, the operation is cancelled but **keeps running** in the background until
/// it notices, or until its blocking call returns: nothing can stop a thread stuck in C. It may
/// still hold a connection then, so whatever runs after a timeout must not wait for it without a
/// limit of its own (``CommandContext/shutdown()`` is bounded for that reason).
///
/// - Throws: ``TimeLimitExceeded`` after `limit`, else whatever `operation` throws.
func withTimeLimit<T: Sendable>(
    _ limit: Duration, clock: any ToolClock, operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    let result = FirstResult<T>()
    return try await withCheckedThrowingContinuation { continuation in
        result.set(continuation)
        let timer = Task {
            do {
                try await clock.sleep(for: limit)
            } catch {
                return  // cancelled: the operation finished first
            }
            result.resume(with: .failure(TimeLimitExceeded(limit: limit)), timedOut: true)
        }
        let work = Task {
            let outcome: Result<T, any Error>
            do {
                outcome = .success(try await operation())
            } catch {
                outcome = .failure(error)
            }
            // The timer stops sleeping before the caller goes on, so no sleeper outlives the call.
            timer.cancel()
            result.resume(with: outcome)
        }
        result.onTimeout { work.cancel() }
    }
}

/// A continuation resumed by whichever of the operation and the timer finishes first.
private final class FirstResult<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var cancelWork: (@Sendable () -> Void)?
        var timedOut = false
    }

    private let state = Mutex(State())

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Runs `cancel` when the timer wins (at once if it already has).
    func onTimeout(_ cancel: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state in
            state.cancelWork = cancel
            return state.timedOut
        }
        if runNow { cancel() }
    }

    /// Resumes the continuation with `result` unless it was resumed already; `timedOut` when the
    /// timer is the one resuming it, which also cancels the operation.
    func resume(with result: Result<T, any Error>, timedOut: Bool = false) {
        let (continuation, cancel) = state.withLock {
            state -> (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) in
            defer { state.continuation = nil }
            guard let continuation = state.continuation else { return (nil, nil) }
            state.timedOut = timedOut
            return (continuation, timedOut ? state.cancelWork : nil)
        }
        continuation?.resume(with: result)
        cancel?()
    }
}

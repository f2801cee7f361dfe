import Synchronization
import ToolOpsCore

/// Keeps a dead database from adding latency to every call: after `threshold` failures in a row
/// the store is skipped for `retryAfter`, then one operation probes it; success closes it again.
final class StoreBreaker: Sendable {
    private enum State {
        case closed(failures: Int)
        case open(until: Timestamp, lastError: String)
        case probing(since: Timestamp)
    }

    private let state = Mutex(State.closed(failures: 0))
    private let threshold: Int
    private let retryAfter: Duration
    private let clock: any ToolClock

    init(threshold: Int, retryAfter: Duration, clock: any ToolClock) {
        self.threshold = threshold
        self.retryAfter = retryAfter
        self.clock = clock
    }

    /// `nil` when the operation may go to the database; otherwise why it may not.
    func refusal() -> String? {
        state.withLock { state in
            switch state {
            case .closed: return nil
            case .probing(let since):
                // A probe that never reported back (its task was cancelled) does not block forever.
                let now = clock.now()
                guard now >= since.advanced(by: retryAfter) else { return "a probe of the database is in flight" }
                state = .probing(since: now)
                return nil
            case .open(let until, let lastError):
                let now = clock.now()
                guard now >= until else {
                    return "skipped for \(now.duration(to: until).formatted) after \(threshold) failures in a row "
                        + "(last: \(lastError))"
                }
                state = .probing(since: now)
                return nil
            }
        }
    }

    func recordSuccess() {
        state.withLock { $0 = .closed(failures: 0) }
    }

    func recordFailure(_ error: PostgresError) {
        state.withLock { state in
            switch state {
            case .closed(let failures) where failures + 1 < threshold:
                state = .closed(failures: failures + 1)
            case .closed, .probing:
                state = .open(until: clock.now().advanced(by: retryAfter), lastError: error.description)
            case .open:
                break
            }
        }
    }

    /// Whether the store is being skipped now.
    var isOpen: Bool {
        state.withLock { if case .closed = $0 { false } else { true } }
    }
}

extension Duration {
    /// "2.5s"-style, for messages.
    var formatted: String {
        let value = (seconds * 10).rounded() / 10
        return "\(value)s"
    }
}

import Synchronization
import ToolOps

/// Counts the events of every ToolOps call, per tool: where the report's ToolOps numbers come from.
final class EventTally: ToolObserver {
    /// What the report counts.
    enum Counter: String, CaseIterable, Sendable {
        case upstreamCalls, cacheHits, coalesced, staleServed, retries, timeouts, circuitOpens, rejected
        case succeeded, failed, cacheErrors
    }

    private let counts = Mutex<[String: [Counter: Int]]>([:])

    func observe(_ event: ToolEvent) {
        let counter: Counter
        switch event.kind {
        case .upstreamCalled: counter = .upstreamCalls
        case .cacheHit: counter = .cacheHits
        case .coalesced, .coalescedRemote: counter = .coalesced
        case .staleServed: counter = .staleServed
        case .retry: counter = .retries
        case .timedOut: counter = .timeouts
        case .breakerTransition(_, to: .open): counter = .circuitOpens
        case .rejected: counter = .rejected
        case .succeeded: counter = .succeeded
        case .failed: counter = .failed
        case .cacheError: counter = .cacheErrors
        default: return
        }
        counts.withLock { $0[event.tool.name, default: [:]][counter, default: 0] += 1 }
    }

    /// How many times `counter` happened for the tool called `tool`, or for every tool when `nil`.
    func count(_ counter: Counter, tool: String? = nil) -> Int {
        counts.withLock { counts in
            if let tool { return counts[tool]?[counter] ?? 0 }
            return counts.values.reduce(0) { $0 + ($1[counter] ?? 0) }
        }
    }
}

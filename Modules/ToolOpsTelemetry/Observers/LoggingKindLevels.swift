import Logging
import ToolOpsCore

/// For each kind of event, the level at which a ``ToolLoggingObserver`` has anything to do with
/// it: a record to write or call state to keep.
///
/// Looked up by ``ToolOpsCore/ToolEvent/Kind/index`` before the event's payload is touched, so an
/// event nobody will see costs one level read and one array load, not a copy of its strings.
struct LoggingKindLevels: Sendable {
    /// `nil` for kinds that never need anything (`cacheWritten`).
    private let levels: [Logger.Level?]
    /// The indexes of `succeeded` and `failed`, which end a call.
    private let endIndexes: (succeeded: Int, failed: Int)

    init(_ configuration: ToolLoggingObserver.Configuration) {
        let tracking = configuration.trackingLevel
        // Placeholder payloads: only each kind's index is read.
        let error = ToolError(code: .upstream, message: "")
        let byKind: [(ToolEvent.Kind, Logger.Level?)] = [
            (.started, tracking),
            (.cacheHit(store: ""), tracking),
            (.cacheMiss(store: ""), tracking),
            (.staleServed(store: "", age: .zero), max(tracking, configuration.staleServedLevel)),
            (.cacheWritten(store: "", bytes: 0), nil),
            (.cacheError(store: "", error: error), configuration.cacheErrorLevel),
            (.coalesced, tracking),
            (.coalescedRemote(store: ""), tracking),
            (.retry(attempt: 0, delay: .zero, error: error), max(tracking, configuration.retryLevel)),
            (.breakerTransition(from: .closed, to: .open), configuration.breakerTransitionLevel),
            (.rejected(.upstream), configuration.rejectionLevel),
            (.timedOut(after: .zero, attempt: 0), configuration.timeoutLevel),
            (.fallbackUsed(error: error), configuration.fallbackLevel),
            (.upstreamCalled(attempt: 0), tracking),
            // The summaries' levels are both at or below `tracking`.
            (.succeeded(duration: .zero), tracking),
            (.failed(duration: .zero, error: error), tracking),
        ]
        var levels = [Logger.Level?](repeating: nil, count: ToolEvent.Kind.allNames.count)
        for (kind, level) in byKind { levels[kind.index] = level }
        self.levels = levels
        endIndexes = (
            ToolEvent.Kind.succeeded(duration: .zero).index, ToolEvent.Kind.failed(duration: .zero, error: error).index
        )
    }

    /// Whether an event of the kind at `index` needs anything while the logger is at `threshold`.
    @inline(__always)
    func hasWork(forKindAt index: Int, at threshold: Logger.Level) -> Bool {
        guard let level = levels[index] else { return false }
        return level >= threshold
    }

    /// Whether the kind at `index` ends a call (`succeeded` or `failed`).
    @inline(__always)
    func endsCall(_ index: Int) -> Bool {
        index == endIndexes.succeeded || index == endIndexes.failed
    }
}

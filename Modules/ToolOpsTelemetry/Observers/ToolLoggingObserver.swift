import Logging
import Synchronization
import ToolOpsCore

/// An observer that turns tool events into swift-log records with structured metadata.
///
/// Every finished call gets **one summary record**, `"tool call succeeded"` at
/// ``Configuration-swift.struct/callLevel`` or `"tool call failed"` at
/// ``Configuration-swift.struct/failureLevel``, with this metadata (keys are stable):
///
/// | key | value |
/// |---|---|
/// | `tool`, `tool_version` | the tool's name and version |
/// | `call_id` | the call's id, shared by all its records |
/// | `outcome` | `success` or `failure` |
/// | `duration_ms` | the call's duration, three decimals (`"12.345"`) |
/// | `cache` | what answered, or how the cache took part: `hit`, `miss`, `stale`, `coalesced`, … |
/// | `upstream_attempts` | how many times the upstream was called |
/// | `retries` | how many retries were scheduled |
/// | `key` | the first 16 hex digits of the call key's digest; absent if the call ended before its key was derived |
/// | `session_id` | the agent session, when the call had one |
/// | `arguments` | the argument names, comma-separated (`city,units`); with ``Configuration-swift.struct/logsArgumentValues``, the arguments as JSON with sensitive values masked |
/// | `error_code`, `error` | on failure: the ``ToolOpsCore/ToolError/Code-swift.struct`` and the masked message |
///
/// `cache` is `hit`, `stale`, `coalesced` or `coalesced_remote` when that answered the call (an
/// answer outranks a miss: a memory miss then a shared-store hit is a `hit`), `miss` when the
/// call went on to the upstream, and `none` when no cache took part.
///
/// Notable events also get a record of their own as they happen, with `tool`, `tool_version`,
/// `call_id` and `session_id` (when present) and:
///
/// | event | message | default level | extra metadata |
/// |---|---|---|---|
/// | `retry` | `tool call retrying` | `.notice` | `attempt`, `delay_ms`, `error_code` |
/// | `breakerTransition` | `circuit breaker changed state` | `.warning` | `from`, `to` |
/// | `rejected` | `tool call rejected` | `.notice` | `reason` |
/// | `timedOut` | `tool call attempt timed out` | `.warning` | `after_ms`, `attempt` |
/// | `cacheError` | `cache store failed` | `.warning` | `store`, `error_code`, `error` |
/// | `staleServed` | `stale value served` | `.notice` | `store`, `age_ms` |
/// | `fallbackUsed` | `fallback value used` | `.notice` | `error_code` |
///
/// Argument values appear only when ``Configuration-swift.struct/logsArgumentValues`` is on, and
/// then with every sensitive value (by name pattern or marked on the tool) replaced by `***`;
/// errors inside events are already masked, and the key is a digest.
///
/// Records written during a traced call (see ``ToolTracer``) are written while the call's span is
/// current, so a `Logger.MetadataProvider` that reads the span context — swift-otel's, for one —
/// adds `trace_id` and `span_id` to them.
///
/// Observation is on every call's hot path. The logger's level is checked first, and a record
/// below it costs nothing: no metadata is built and no string is formatted. Between `started` and
/// its end a call's state (cache involvement, attempt and retry counts) is kept in a table keyed
/// by call id — a lock and a small struct update per event — and only while summaries can be
/// written at all. The table holds at most ``Configuration-swift.struct/maxTrackedCalls`` calls:
/// beyond that, new calls are not tracked rather than the table growing.
///
/// ```swift
/// let logging = ToolLoggingObserver(logger: Logger(label: "toolops"))
/// let environment = ToolEnvironment(observer: MultiplexObserver([logging, statistics]))
/// // With a JSONLinesLogHandler, one line per finished call:
/// // {…,"msg":"tool call succeeded",…,"cache":"hit","call_id":"42","duration_ms":"0.412",…,"tool":"get_weather"}
/// ```
public final class ToolLoggingObserver: ToolObserver {
    /// The logger records are written to.
    public let logger: Logger
    /// The configuration the observer was created with.
    public let configuration: Configuration
    let calls: Mutex<LoggingCallTable>
    let kindLevels: LoggingKindLevels
    /// The table's count, stored after every change, so that a call ending while tracking is off
    /// (the logger's level was raised) skips the lock unless some call is still tracked.
    let trackedCount = Atomic<Int>(0)

    /// Creates an observer writing to `logger`.
    ///
    /// ```swift
    /// let observer = ToolLoggingObserver(logger: Logger(label: "toolops"), configuration: .init(callLevel: .debug))
    /// ```
    public init(logger: Logger, configuration: Configuration = Configuration()) {
        self.logger = logger
        self.configuration = configuration
        calls = Mutex(LoggingCallTable(capacity: configuration.maxTrackedCalls))
        kindLevels = LoggingKindLevels(configuration)
    }

    /// Updates the call's state and writes the records `event` calls for, if their level passes.
    public func observe(_ event: ToolEvent) {
        let threshold = logger.logLevel
        // Decide from the kind's index first: matching on the kind copies its payload (strings,
        // errors), which an event below the level must not pay for. A call's end still has to
        // release its state if the level was raised while it was tracked.
        let index = event.kind.index
        guard
            kindLevels.hasWork(forKindAt: index, at: threshold)
                || (kindLevels.endsCall(index) && trackedCount.load(ordering: .relaxed) > 0)
        else { return }
        switch event.kind {
        case .started:
            guard configuration.trackingLevel >= threshold else { return }
            let callID = event.callID
            calls.withLock { table in
                table.start(callID)
                trackedCount.store(table.count, ordering: .relaxed)
            }
        case .cacheHit:
            update(event.callID, .cache(.hit), threshold: threshold)
        case .cacheMiss:
            update(event.callID, .cache(.miss), threshold: threshold)
        case .coalesced:
            update(event.callID, .cache(.coalesced), threshold: threshold)
        case .coalescedRemote:
            update(event.callID, .cache(.coalescedRemote), threshold: threshold)
        case .upstreamCalled:
            update(event.callID, .upstreamCalled, threshold: threshold)
        case .staleServed(let store, let age):
            update(event.callID, .cache(.stale), threshold: threshold)
            if configuration.staleServedLevel >= threshold { logStaleServed(event, store: store, age: age) }
        case .retry(let attempt, let delay, let error):
            update(event.callID, .retry, threshold: threshold)
            if configuration.retryLevel >= threshold { logRetry(event, attempt: attempt, delay: delay, error: error) }
        case .breakerTransition(let from, let to):
            if configuration.breakerTransitionLevel >= threshold { logBreakerTransition(event, from: from, to: to) }
        case .rejected(let code):
            if configuration.rejectionLevel >= threshold { logRejected(event, code: code) }
        case .timedOut(let after, let attempt):
            if configuration.timeoutLevel >= threshold { logTimedOut(event, after: after, attempt: attempt) }
        case .cacheError(let store, let error):
            if configuration.cacheErrorLevel >= threshold { logCacheError(event, store: store, error: error) }
        case .fallbackUsed(let error):
            if configuration.fallbackLevel >= threshold { logFallbackUsed(event, error: error) }
        case .cacheWritten:
            break
        case .succeeded(let duration):
            finish(event, duration: duration, error: nil, level: configuration.callLevel, threshold: threshold)
        case .failed(let duration, let error):
            finish(event, duration: duration, error: error, level: configuration.failureLevel, threshold: threshold)
        }
    }

    /// The end events whose summaries the logger's level lets through, as it is when a tool is
    /// built: summaries name the call's arguments.
    public var argumentNeeds: ArgumentNeeds {
        let threshold = logger.logLevel
        var needs: ArgumentNeeds = []
        if configuration.callLevel >= threshold { needs.insert(.success) }
        if configuration.failureLevel >= threshold { needs.insert(.failure) }
        return needs
    }

    /// How many calls are tracked now; never more than ``Configuration-swift.struct/maxTrackedCalls``.
    public var trackedCallCount: Int {
        calls.withLock { $0.count }
    }

    @inline(__always)
    private func update(_ callID: UInt64, _ update: LoggingCallUpdate, threshold: Logger.Level) {
        guard configuration.trackingLevel >= threshold else { return }
        calls.withLock { $0.update(callID, with: update) }
    }

    @inline(__always)
    private func finish(
        _ event: ToolEvent, duration: Duration, error: ToolError?, level: Logger.Level, threshold: Logger.Level
    ) {
        // Always release the call's state, even when its summary is not written.
        var state: LoggingCallState?
        if configuration.trackingLevel >= threshold || trackedCount.load(ordering: .relaxed) > 0 {
            let callID = event.callID
            state = calls.withLock { table in
                let state = table.finish(callID)
                trackedCount.store(table.count, ordering: .relaxed)
                return state
            }
        }
        guard level >= threshold else { return }
        logSummary(event, duration: duration, error: error, state: state, level: level)
    }
}

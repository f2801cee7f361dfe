import Logging
import ToolOpsCore

extension ToolLoggingObserver {
    /// Writes the one summary record of a finished call.
    func logSummary(
        _ event: ToolEvent, duration: Duration, error: ToolError?, state: LoggingCallState?, level: Logger.Level
    ) {
        var metadata = Self.metadata(for: event, extra: 10)
        metadata["outcome"] = .string(error == nil ? "success" : "failure")
        metadata["duration_ms"] = .string(LoggingFormat.milliseconds(duration))
        // An untracked call (table full, or no `started` seen) has no honest counts to give.
        if let arguments = event.arguments {
            metadata["arguments"] =
                configuration.logsArgumentValues
                ? .string(arguments.masked.description) : .string(arguments.names.joined(separator: ","))
        }
        if let state {
            metadata["cache"] = .string(state.cache.name)
            metadata["upstream_attempts"] = .string(String(state.upstreamAttempts))
            metadata["retries"] = .string(String(state.retries))
        }
        if let key = event.key { metadata["key"] = .string(LoggingFormat.keyPrefix(key)) }
        if let error {
            metadata["error_code"] = .string(error.code.description)
            metadata["error"] = .string(error.message)
        }
        logger.log(level: level, error == nil ? "tool call succeeded" : "tool call failed", metadata: metadata)
    }

    func logRetry(_ event: ToolEvent, attempt: Int, delay: Duration, error: ToolError) {
        var metadata = Self.metadata(for: event, extra: 3)
        metadata["attempt"] = .string(String(attempt))
        metadata["delay_ms"] = .string(LoggingFormat.milliseconds(delay))
        metadata["error_code"] = .string(error.code.description)
        logger.log(level: configuration.retryLevel, "tool call retrying", metadata: metadata)
    }

    func logBreakerTransition(_ event: ToolEvent, from: BreakerState, to: BreakerState) {
        var metadata = Self.metadata(for: event, extra: 2)
        metadata["from"] = .string(from.rawValue)
        metadata["to"] = .string(to.rawValue)
        logger.log(level: configuration.breakerTransitionLevel, "circuit breaker changed state", metadata: metadata)
    }

    func logRejected(_ event: ToolEvent, code: ToolError.Code) {
        var metadata = Self.metadata(for: event, extra: 1)
        metadata["reason"] = .string(code.description)
        logger.log(level: configuration.rejectionLevel, "tool call rejected", metadata: metadata)
    }

    func logTimedOut(_ event: ToolEvent, after: Duration, attempt: Int) {
        var metadata = Self.metadata(for: event, extra: 2)
        metadata["after_ms"] = .string(LoggingFormat.milliseconds(after))
        metadata["attempt"] = .string(String(attempt))
        logger.log(level: configuration.timeoutLevel, "tool call attempt timed out", metadata: metadata)
    }

    func logCacheError(_ event: ToolEvent, store: String, error: ToolError) {
        var metadata = Self.metadata(for: event, extra: 3)
        metadata["store"] = .string(store)
        metadata["error_code"] = .string(error.code.description)
        metadata["error"] = .string(error.message)
        logger.log(level: configuration.cacheErrorLevel, "cache store failed", metadata: metadata)
    }

    func logStaleServed(_ event: ToolEvent, store: String, age: Duration) {
        var metadata = Self.metadata(for: event, extra: 2)
        metadata["store"] = .string(store)
        metadata["age_ms"] = .string(LoggingFormat.milliseconds(age))
        logger.log(level: configuration.staleServedLevel, "stale value served", metadata: metadata)
    }

    func logFallbackUsed(_ event: ToolEvent, error: ToolError) {
        var metadata = Self.metadata(for: event, extra: 1)
        metadata["error_code"] = .string(error.code.description)
        logger.log(level: configuration.fallbackLevel, "fallback value used", metadata: metadata)
    }

    /// The fields every record has — `tool`, `tool_version`, `call_id`, and `session_id` when the
    /// call has one — with room for `extra` more.
    static func metadata(for event: ToolEvent, extra: Int) -> Logger.Metadata {
        var metadata: Logger.Metadata = [:]
        metadata.reserveCapacity(4 + extra)
        metadata["tool"] = .string(event.tool.name)
        metadata["tool_version"] = .string(event.tool.version)
        metadata["call_id"] = .string(String(event.callID))
        if let sessionID = event.sessionID { metadata["session_id"] = .string(sessionID) }
        return metadata
    }
}

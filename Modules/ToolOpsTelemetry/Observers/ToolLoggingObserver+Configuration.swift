import Logging

extension ToolLoggingObserver {
    /// The levels of a ``ToolLoggingObserver``'s records and the most calls it tracks at once.
    ///
    /// A record is written only when its level here is at or above the logger's level. Summaries
    /// need the call's state, so calls are tracked only while one of ``callLevel`` and
    /// ``failureLevel`` is at or above the logger's level; below both, the observer keeps nothing.
    ///
    /// ```swift
    /// // Only failures and trouble: successful calls are summarised at `.debug`.
    /// let observer = ToolLoggingObserver(
    ///     logger: Logger(label: "toolops"),
    ///     configuration: .init(callLevel: .debug, retryLevel: .info)
    /// )
    /// ```
    public struct Configuration: Sendable {
        /// The level of the summary of a call that succeeded. Default `.info`.
        public var callLevel: Logger.Level
        /// The level of the summary of a call that failed. Default `.warning`.
        public var failureLevel: Logger.Level
        /// The level of a `retry` record. Default `.notice`.
        public var retryLevel: Logger.Level
        /// The level of a `breakerTransition` record. Default `.warning`.
        public var breakerTransitionLevel: Logger.Level
        /// The level of a `rejected` record (circuit open, rate limited, bulkhead full). Default `.notice`.
        public var rejectionLevel: Logger.Level
        /// The level of a `timedOut` record. Default `.warning`.
        public var timeoutLevel: Logger.Level
        /// The level of a `cacheError` record. Default `.warning`.
        public var cacheErrorLevel: Logger.Level
        /// The level of a `staleServed` record. Default `.notice`.
        public var staleServedLevel: Logger.Level
        /// The level of a `fallbackUsed` record. Default `.notice`.
        public var fallbackLevel: Logger.Level
        /// The most calls tracked at once between `started` and their end. Default 10,000.
        ///
        /// Each tracked call holds a few bytes until it ends. When this many are in flight, new
        /// calls are not tracked (the table does not grow); they still get their summary, without
        /// the `cache`, `upstream_attempts` and `retries` fields, which would be guesses. Less than
        /// 0 counts as 0: no call is tracked.
        public var maxTrackedCalls: Int
        /// Whether summaries carry the arguments' values — as JSON, sensitive values masked —
        /// rather than only their names. Default `false`: values may be personal data even when
        /// they are not secrets.
        public var logsArgumentValues: Bool

        /// A configuration; every level defaults as documented on its property.
        public init(
            callLevel: Logger.Level = .info,
            failureLevel: Logger.Level = .warning,
            retryLevel: Logger.Level = .notice,
            breakerTransitionLevel: Logger.Level = .warning,
            rejectionLevel: Logger.Level = .notice,
            timeoutLevel: Logger.Level = .warning,
            cacheErrorLevel: Logger.Level = .warning,
            staleServedLevel: Logger.Level = .notice,
            fallbackLevel: Logger.Level = .notice,
            maxTrackedCalls: Int = 10_000,
            logsArgumentValues: Bool = false
        ) {
            self.logsArgumentValues = logsArgumentValues
            self.callLevel = callLevel
            self.failureLevel = failureLevel
            self.retryLevel = retryLevel
            self.breakerTransitionLevel = breakerTransitionLevel
            self.rejectionLevel = rejectionLevel
            self.timeoutLevel = timeoutLevel
            self.cacheErrorLevel = cacheErrorLevel
            self.staleServedLevel = staleServedLevel
            self.fallbackLevel = fallbackLevel
            self.maxTrackedCalls = maxTrackedCalls
        }

        /// Calls are tracked while the logger lets this level through: while either summary can be written.
        var trackingLevel: Logger.Level { max(callLevel, failureLevel) }
    }
}

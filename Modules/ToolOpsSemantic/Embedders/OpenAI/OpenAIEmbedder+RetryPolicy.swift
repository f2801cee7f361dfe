import ToolOpsCore

extension OpenAIEmbedder {
    /// How a request that met `429`, a `5xx` status or a broken connection is tried again.
    ///
    /// The wait before attempt *n + 1* is a uniformly random part of
    /// `min(maxDelay, baseDelay × 2ⁿ⁻¹)` ("full jitter"), unless the server sent `Retry-After`
    /// (seconds or an HTTP date; Azure's `retry-after-ms` too): then exactly that, but at most
    /// ``maxRetryAfter``. Unauthorised, invalid and timed-out requests are not retried.
    ///
    /// ```swift
    /// let patient = OpenAIEmbedder.RetryPolicy(maxAttempts: 6, maxRetryAfter: .seconds(120))
    /// ```
    public struct RetryPolicy: Sendable, Hashable {
        /// The most attempts per request, counting the first. Default 4.
        public var maxAttempts: Int
        /// The backoff before the second attempt, before jitter. Default 500 ms.
        public var baseDelay: Duration
        /// The longest backoff, before jitter. Default 20 s.
        public var maxDelay: Duration
        /// The longest wait a server's `Retry-After` can ask for. Default 60 s.
        public var maxRetryAfter: Duration

        /// A policy; `maxAttempts` below 1 counts as 1.
        public init(
            maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(20),
            maxRetryAfter: Duration = .seconds(60)
        ) {
            self.maxAttempts = max(1, maxAttempts)
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
            self.maxRetryAfter = maxRetryAfter
        }

        /// One attempt, no retries.
        public static let never = RetryPolicy(maxAttempts: 1)

        /// The wait after failed attempt `attempt` (from 1), given the server's `Retry-After`.
        func delay(after attempt: Int, retryAfter: Duration?, random: any RandomSource) -> Duration {
            if let retryAfter { return min(max(retryAfter, .zero), maxRetryAfter) }
            let growth = Double(1 << min(attempt - 1, 30))
            let backoff = min(maxDelay.seconds, baseDelay.seconds * growth)
            return .nanoseconds(Int64(backoff * random.nextUnit() * 1e9))
        }
    }
}

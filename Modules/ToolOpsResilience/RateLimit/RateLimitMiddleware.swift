import ToolOpsCore

/// Refuses calls beyond a ``TokenBucket``'s rate.
///
/// Add it at ``PipelineStage/admission``, outside the retry loop: a call takes one token however
/// many attempts it makes. A call that finds the bucket empty is not queued: it fails at once with
/// a `rateLimited` error whose `retryAfter` says when a token will be there, and emits
/// ``ToolEvent/Kind/rejected(_:)``. Time comes from the environment's clock.
///
/// ```swift
/// let bucket = TokenBucket(configuration: .init(capacity: 10, refill: 5, per: .seconds(1)))
/// pipeline.add(RateLimitMiddleware(bucket: bucket), at: .admission)
/// ```
public struct RateLimitMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
    /// The bucket calls take their tokens from; share one to limit several tools together.
    public let bucket: TokenBucket

    /// Creates the middleware.
    public init(bucket: TokenBucket) {
        self.bucket = bucket
    }

    /// Takes a token from the bucket and passes the call on, or refuses it with `rateLimited`.
    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
    {
        do {
            try bucket.acquire(now: call.environment.clock.now())
        } catch {
            var refusal = error
            refusal.tool = call.toolName
            call.emit(.rejected(.rateLimited))
            throw refusal
        }
        return try await next(call)
    }
}

extension RateLimitMiddleware: PassThroughStage {}

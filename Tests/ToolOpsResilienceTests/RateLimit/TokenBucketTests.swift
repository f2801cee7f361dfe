import Testing
import ToolOpsCore
import ToolOpsResilience
import ToolOpsTesting

@Suite("Rate limiting", .timeLimit(.minutes(1)))
struct TokenBucketTests {
    let harness = Harness()
    let t0 = Timestamp(nanosecondsSinceEpoch: 1_000_000_000_000)

    @Test("a full bucket allows a burst up to its capacity, then refuses with the time to the next token")
    func burstThenRefuse() throws {
        let bucket = TokenBucket(configuration: .init(capacity: 2, refill: 5, per: .seconds(1)))
        try bucket.acquire(now: t0)
        try bucket.acquire(now: t0)

        let error = #expect(throws: ToolError.self) { try bucket.acquire(now: t0) }
        #expect(error?.code == .rateLimited)
        #expect(error?.retryAfter == .milliseconds(200))
        #expect(bucket.rejections == 1)
    }

    @Test("tokens refill with the clock, up to the capacity")
    func refillWithTime() throws {
        let bucket = TokenBucket(configuration: .init(capacity: 2, refill: 5, per: .seconds(1)))
        try bucket.acquire(now: t0)
        try bucket.acquire(now: t0)

        let halfway = #expect(throws: ToolError.self) { try bucket.acquire(now: t0 + .milliseconds(100)) }
        #expect(halfway?.retryAfter == .milliseconds(100))
        try bucket.acquire(now: t0 + .milliseconds(200))
        #expect(bucket.availableTokens(now: t0 + .seconds(60)) == 2)
    }

    @Test("a bucket that never refills gives no retry-after")
    func noRefill() throws {
        let bucket = TokenBucket(configuration: .init(capacity: 1, refill: 0, per: .seconds(1)))
        try bucket.acquire(now: t0)
        let error = #expect(throws: ToolError.self) { try bucket.acquire(now: t0 + .seconds(3600)) }
        #expect(error?.code == .rateLimited)
        #expect(error?.retryAfter == nil)
    }

    @Test("the middleware rejects at once with rateLimited and a retry-after, on the tool's clock")
    func middlewareRejects() async throws {
        let bucket = TokenBucket(configuration: .init(capacity: 1, refill: 1, per: .seconds(2)))
        let upstream = ScriptedUpstream<String>([.succeed("sunny")])
        let tool = try harness.tool(
            pipeline: pipeline((RateLimitMiddleware(bucket: bucket), .admission)), upstream: upstream)

        #expect(try await tool(Query()) == "sunny")
        harness.clock.advance(by: .milliseconds(500))
        let error = await #expect(throws: ToolError.self) { try await tool(Query()) }
        #expect(error?.code == .rateLimited)
        #expect(error?.tool == "get_weather")
        #expect(error?.retryAfter == .milliseconds(1500))
        #expect(harness.rejections == [.rateLimited])
        #expect(upstream.calls == 1)

        harness.clock.advance(by: .milliseconds(1500))
        #expect(try await tool(Query()) == "sunny")
        #expect(upstream.calls == 2)
    }
}

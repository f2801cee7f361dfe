import Testing
import ToolOpsCore
import ToolOpsTesting

@testable import ToolOpsSemantic

@Suite struct RetryAfterTests {
    private let now = Timestamp(nanosecondsSinceEpoch: 784_111_777 * 1_000_000_000)  // Sun, 06 Nov 1994 08:49:37 GMT

    private func delay(_ headers: [(String, String)]) -> Duration? {
        RetryAfter.delay(
            in: HTTPResponse(status: 429, headers: headers.map { HTTPHeader($0.0, $0.1) }, body: []), now: now)
    }

    @Test func readsSecondsMillisecondsAndHTTPDates() {
        #expect(delay([("retry-after", "2")]) == .seconds(2))
        #expect(delay([("retry-after-ms", "1500"), ("retry-after", "9")]) == .milliseconds(1500))
        #expect(delay([("retry-after", "Sun, 06 Nov 1994 08:49:47 GMT")]) == .seconds(10))
        #expect(delay([("retry-after", "Sun, 06 Nov 1994 08:49:00 GMT")]) == .zero)
        #expect(delay([("retry-after", "soon")]) == nil)
        #expect(delay([]) == nil)
    }

    @Test func theServersWaitIsCappedAndBackoffIsJittered() {
        let policy = OpenAIEmbedder.RetryPolicy(
            baseDelay: .seconds(1), maxDelay: .seconds(4), maxRetryAfter: .seconds(30))
        let half = FixedRandom(0.5)
        #expect(policy.delay(after: 1, retryAfter: .seconds(600), random: half) == .seconds(30))
        #expect(policy.delay(after: 1, retryAfter: nil, random: half) == .milliseconds(500))
        #expect(policy.delay(after: 3, retryAfter: nil, random: half) == .seconds(2))
        #expect(policy.delay(after: 10, retryAfter: nil, random: half) == .seconds(2))  // capped at 4 s before jitter
    }
}

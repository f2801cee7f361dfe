import Testing
import ToolOpsCore
import ToolOpsTesting

@testable import ToolOpsPostgres

@Suite("Store breaker")
struct StoreBreakerTests {
    let failure = PostgresError(.connectionFailed, "refused")

    @Test("opens after the threshold of failures in a row, then lets one probe through after retryAfter")
    func cycle() {
        let clock = ManualClock()
        let breaker = StoreBreaker(threshold: 3, retryAfter: .seconds(5), clock: clock)
        breaker.recordFailure(failure)
        breaker.recordSuccess()  // a success resets the run
        breaker.recordFailure(failure)
        breaker.recordFailure(failure)
        #expect(breaker.refusal() == nil)
        breaker.recordFailure(failure)
        #expect(breaker.refusal()?.contains("3 failures in a row") == true)
        clock.advance(by: .seconds(4))
        #expect(breaker.refusal() != nil)
        clock.advance(by: .seconds(1))
        #expect(breaker.refusal() == nil)  // the probe
        #expect(breaker.refusal()?.contains("probe") == true)  // only one at a time
        breaker.recordFailure(failure)  // probe failed: open again
        #expect(breaker.refusal() != nil)
        clock.advance(by: .seconds(5))
        #expect(breaker.refusal() == nil)
        breaker.recordSuccess()
        #expect(!breaker.isOpen)
        #expect(breaker.refusal() == nil)
    }

    @Test("a probe that never reports back does not keep the store skipped forever")
    func abandonedProbe() {
        let clock = ManualClock()
        let breaker = StoreBreaker(threshold: 1, retryAfter: .seconds(5), clock: clock)
        breaker.recordFailure(failure)
        clock.advance(by: .seconds(5))
        #expect(breaker.refusal() == nil)  // a probe starts, and its task is cancelled: no report
        #expect(breaker.refusal() != nil)
        clock.advance(by: .seconds(5))
        #expect(breaker.refusal() == nil)  // another probe may go
    }
}

import Synchronization
import Testing
import ToolOpsCore
import ToolOpsTesting

@testable import ToolOpsResilience

@Suite("Deadline timer")
struct DeadlineTimerTests {
    @Test("deadlines fire in order on the clock, and finish reports which fired")
    func firesInOrder() async throws {
        let clock = ManualClock()
        let timer = DeadlineTimer()
        let fired = Mutex<[Int]>([])
        let start = clock.now()
        let first = timer.schedule(at: start.advanced(by: .seconds(1)), clock: clock) {
            fired.withLock { $0.append(1) }
        }
        let second = timer.schedule(at: start.advanced(by: .seconds(2)), clock: clock) {
            fired.withLock { $0.append(2) }
        }
        let third = timer.schedule(at: start.advanced(by: .seconds(3)), clock: clock) {
            fired.withLock { $0.append(3) }
        }
        #expect(!timer.finish(second))

        await clock.waitForSleepers(1)
        clock.advance(by: .seconds(1))
        await until { fired.withLock { $0 } == [1] && clock.sleeperCount == 1 }
        clock.advance(by: .seconds(2))
        await until { fired.withLock { $0 } == [1, 3] }
        #expect(timer.finish(first))
        #expect(timer.finish(third))
        await until { clock.sleeperCount == 0 }
        #expect(timer.pending == 0)
    }

    @Test("finished deadlines do not pile up: memory follows the attempts in flight")
    func finishedDeadlinesAreCompacted() async throws {
        let clock = ManualClock()
        let timer = DeadlineTimer()
        let deadline = clock.now().advanced(by: .seconds(30))
        var live: [UInt64] = []
        for index in 0..<20_000 {
            let ticket = timer.schedule(at: deadline, clock: clock) {}
            if index % 100 == 0 { live.append(ticket) } else { #expect(!timer.finish(ticket)) }
        }
        #expect(timer.pending == live.count)
        #expect(timer.queued < 2 * live.count + 1100)
        for ticket in live { #expect(!timer.finish(ticket)) }
        #expect(timer.pending == 0)
    }
}

@Suite("Deadline timer under steady load")
struct DeadlineTimerSteadyLoadTests {
    @Test("with attempts always in flight and deadlines passing, finished slots are released")
    func steadyLoadStaysBounded() async {
        let clock = ManualClock()
        let timer = DeadlineTimer()
        var live: [UInt64] = []
        for _ in 0..<3_000 {
            live.append(timer.schedule(at: clock.now().advanced(by: .seconds(5)), clock: clock) {})
            // A few attempts are always in flight; each finishes three seconds after it started.
            if live.count > 3 { #expect(!timer.finish(live.removeFirst())) }
            // Let the driver wake for the deadlines that have passed and go back to sleep.
            await clock.waitForSleepers(1)
            clock.advance(by: .seconds(1))
            await until { clock.sleeperCount == 1 || timer.pending == 0 }
        }
        #expect(timer.pending <= 4)
        #expect(timer.queued < 2_100, "the slots of finished deadlines must not pile up")
    }
}

import Testing
import ToolOpsTesting

@testable import ToolOpsTelemetry

@Suite("Logging call table")
struct LoggingCallTableTests {
    @Test("random starts, updates and finishes agree with a dictionary, through growth and wrap-around")
    func agreesWithDictionary() {
        let random = SeededRandom(seed: 42)
        var table = LoggingCallTable(capacity: 500)
        var model: [UInt64: Int32] = [:]
        var live: [UInt64] = []
        for step in 0..<50_000 {
            let choice = random.nextUInt64() % 10
            if choice < 4 || live.isEmpty {
                // Ids cluster like real call ids, plus some far apart, to exercise probing.
                let id = random.nextUInt64() % 4 == 0 ? random.nextUInt64() % (UInt64.max - 1) : UInt64(step)
                table.start(id)
                if model[id] != nil || model.count < 500 {
                    if model[id] == nil { live.append(id) }
                    model[id] = 0
                }
            } else if choice < 7 {
                let id = live[Int(random.nextUInt64() % UInt64(live.count))]
                table.update(id, with: .upstreamCalled)
                model[id]! += 1
            } else {
                let index = Int(random.nextUInt64() % UInt64(live.count))
                let id = live.remove(at: index)
                let state = table.finish(id)
                #expect(state?.upstreamAttempts == model.removeValue(forKey: id))
            }
            #expect(table.count == model.count)
        }
        for id in live {
            #expect(table.finish(id)?.upstreamAttempts == model[id])
        }
        #expect(table.count == 0)
        #expect(table.finish(7) == nil)
    }

    @Test("a full table refuses new calls but still updates and finishes tracked ones")
    func fullTable() {
        var table = LoggingCallTable(capacity: 2)
        table.start(1)
        table.start(2)
        table.start(3)
        #expect(table.count == 2)
        table.update(3, with: .retry)
        #expect(table.finish(3) == nil)
        table.update(2, with: .retry)
        #expect(table.finish(2)?.retries == 1)
        table.start(3)
        #expect(table.count == 2)
    }
}

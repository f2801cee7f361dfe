import Foundation
import Testing
import ToolOpsCore
import ToolOpsSemantic
import ToolOpsTesting

@Suite("FileSemanticStore: records and changes")
struct FileSemanticStoreRoundTripTests {
    @Test("every field of a record survives the log, vectors bit for bit")
    func roundTrip() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let now = clock.now()
            let vector: [Float] = [
                -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.infinity, Float(bitPattern: 0x7FC0_1234),
                0.1, 1 / 3,
            ]
            let original = SemanticRecord(
                id: .max, tool: ToolID(name: "météo \"quoted\"", version: "2.1\n"), namespace: "naïve/ns",
                partition: "ë\u{0}\\", text: "Quel temps fait-il à Zürich ? 🌧️\n\t\"ok\"", vector: vector,
                value: [0, 255, 10, 13, 34, 92], tags: ["a,b", "日本", ""], storedAt: now,
                expiresAt: now + .seconds(60), staleUntil: now + .seconds(120))
            try await makeStore(file, clock: clock).insert(original)

            let loaded = try await makeStore(file, clock: clock).changes(after: nil)
            let record = try #require(loaded.inserted.first)
            #expect(loaded.changes.count == 1)
            #expect(record.vector.map(\.bitPattern) == vector.map(\.bitPattern))
            var comparable = record
            comparable.vector = original.vector
            #expect(comparable.id == original.id && comparable.tool == original.tool)
            #expect(comparable.namespace == original.namespace && comparable.partition == original.partition)
            #expect(comparable.text == original.text && comparable.value == original.value)
            #expect(comparable.tags == original.tags && comparable.storedAt == original.storedAt)
            #expect(comparable.expiresAt == original.expiresAt && comparable.staleUntil == original.staleUntil)
            #expect(try logLines(file).count == 3)  // header, insert, and the empty text after the last newline
        }
    }

    @Test("removals and invalidations by tool, tag and all reach a second instance, in order")
    func changesAcrossInstances() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let now = clock.now()
            let writer = try makeStore(file, clock: clock)
            let reader = try makeStore(file, clock: clock)
            let start = try await reader.changes(after: nil)
            #expect(start.changes.isEmpty)

            try await writer.insert(record(1, tool: "weather", at: now))
            try await writer.insert(record(2, tool: "stocks", tags: ["eu"], at: now))
            try await writer.insert(record(3, tool: "stocks", at: now))
            try await writer.insert(record(4, tool: "news", tags: ["eu"], at: now))
            try await writer.remove(ids: [1, 99])
            #expect(try await writer.invalidate(.tag("eu")) == 2)
            #expect(try await writer.invalidate(.tool("stocks")) == 1)
            #expect(try await writer.invalidate(.tool("stocks")) == 0)
            try await writer.insert(record(5, at: now))

            let seen = try await reader.changes(after: start.cursor)
            #expect(seen.summary == ["+1", "+2", "+3", "+4", "-1", "-99", "!tag:eu", "!tool:stocks", "+5"])
            #expect(try await writer.invalidate(.all) == 1)
            #expect(try await reader.changes(after: seen.cursor).summary == ["!all"])
            #expect(try await makeStore(file, clock: clock).changes(after: nil).changes.isEmpty)
        }
    }

    @Test("a cursor continues with only what was written after it")
    func cursorContinuation() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let store = try makeStore(file, clock: clock)
            try await store.insert(record(1, at: clock.now()))
            let first = try await store.changes(after: nil)
            #expect(first.summary == ["+1"])
            #expect(try await store.changes(after: first.cursor).changes.isEmpty)
            try await store.insert(record(2, at: clock.now()))
            let second = try await store.changes(after: first.cursor)
            #expect(second.summary == ["+2"])
            #expect(try await store.changes(after: second.cursor).changes.isEmpty)
            #expect(try await store.changes(after: nil).summary == ["+1", "+2"])
        }
    }

    @Test("a reload from the beginning returns only live records, leaving out expired ones")
    func reloadLiveOnly() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let store = try makeStore(file, clock: clock)
            try await store.insert(record(1, at: clock.now(), ttl: .seconds(10)))
            try await store.insert(record(2, at: clock.now()))
            try await store.insert(record(3, at: clock.now()))
            try await store.insert(record(2, text: "replaced", at: clock.now()))
            try await store.remove(ids: [3])
            clock.advance(by: .seconds(11))
            let loaded = try await store.changes(after: nil)
            #expect(loaded.summary == ["+2"])
            #expect(loaded.inserted.first?.text == "replaced")
        }
    }
}

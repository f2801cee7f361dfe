import Testing
import ToolOps
import ToolOpsPostgres
import ToolOpsTesting

/// A semantic store on its own table; two made with the same table stand for two processes.
func makeSemanticStore(
    table: String, schema: String = "toolops_it", clock: ManualClock,
    configure: (inout PostgresSemanticStore.Configuration) -> Void = { _ in }
) throws -> PostgresSemanticStore {
    var configuration = PostgresSemanticStore.Configuration(
        connectionString: TestServer.url!, schema: schema, table: table, poolSize: 2, clock: clock)
    configure(&configuration)
    return try PostgresSemanticStore(configuration: configuration)
}

func semanticRecord(
    _ id: UInt64, tool: String = "weather", tags: [String] = [], text: String = "weather in Paris",
    at now: Timestamp, ttl: Duration = .seconds(3600)
) -> SemanticRecord {
    SemanticRecord(
        id: id, tool: ToolID(name: tool, version: "1"), namespace: "tenant", partition: "p", text: text,
        vector: [0.5, -1, 0.25], value: Array("answer \(id)".utf8), tags: tags, storedAt: now,
        expiresAt: now + ttl, staleUntil: now + ttl)
}

extension SemanticChanges {
    /// `+id`, `-id`, `!all`, …, for comparisons.
    var summary: [String] {
        changes.map { change in
            switch change {
            case .inserted(let record): "+\(record.id)"
            case .removed(let id): "-\(id)"
            case .invalidated(.all): "!all"
            case .invalidated(.tool(let name)): "!tool:\(name)"
            case .invalidated(.tag(let tag)): "!tag:\(tag)"
            }
        }
    }

    var inserted: [SemanticRecord] {
        changes.compactMap { if case .inserted(let record) = $0 { record } else { nil } }
    }
}

extension PostgresIntegration {
    @Suite("PostgresSemanticStore", needsServer)
    struct PostgresSemanticStoreTests {
        @Test("two processes see each other's inserts, removals and invalidations through changes")
        func sharing() async throws {
            let clock = ManualClock()
            let table = TestServer.uniqueName("semantic")
            let first = try makeSemanticStore(table: table, clock: clock)
            let second = try makeSemanticStore(table: table, clock: clock)
            let now = clock.now()
            let start = try await second.changes(after: nil)
            #expect(start.changes.isEmpty)

            try await first.insert(semanticRecord(1, at: now))
            try await first.insert(semanticRecord(2, tool: "stocks", tags: ["eu"], at: now))
            try await first.insert(semanticRecord(3, tool: "stocks", at: now))
            try await first.insert(semanticRecord(4, tool: "news", tags: ["eu"], at: now))
            let inserted = try await second.changes(after: start.cursor)
            #expect(inserted.summary == ["+1", "+2", "+3", "+4"])

            try await second.remove(ids: [1, 99])
            #expect(try await second.invalidate(.tag("eu")) == 2)
            #expect(try await second.invalidate(.tool("stocks")) == 1)
            try await second.insert(semanticRecord(UInt64.max, at: now))
            let seen = try await first.changes(after: inserted.cursor)
            // One statement removes 2 and 4, in whichever order the server scans them.
            #expect(seen.summary.count == 5 && seen.summary.first == "-1")
            #expect(Set(seen.summary.dropFirst().prefix(2)) == ["-2", "-4"])
            #expect(seen.summary.suffix(2) == ["-3", "+\(UInt64.max)"])
            #expect(try await first.changes(after: seen.cursor).changes.isEmpty)

            #expect(try await first.invalidate(.all) == 1)
            #expect(try await second.changes(after: seen.cursor).summary == ["-\(UInt64.max)"])
            #expect(try await second.changes(after: nil).changes.isEmpty)
        }

        @Test("every field survives, vectors bit for bit, metacharacters in namespace, text and tags")
        func roundTrip() async throws {
            let clock = ManualClock()
            let weird = "x'); DROP TABLE t; --\"$1 ∑ {a,b} \\ NULL"
            let store = try makeSemanticStore(
                table: "sem'tab\"; --" + TestServer.uniqueName(""), schema: "it \"semantic\"; --", clock: clock)
            #expect(try await store.prepare() == 1)
            let now = clock.now()
            let vector: [Float] = [
                -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, Float(bitPattern: 0x7FC0_1234),
            ]
            let original = SemanticRecord(
                id: 1 << 63 | 5, tool: ToolID(name: weird, version: "v'2"), namespace: weird, partition: weird,
                text: "Quel temps à Zürich ? 🌧️\n" + weird, vector: vector, value: [0, 255, 39, 92, 10],
                tags: [weird, "{a,b}", "NULL", "back\\slash", ""], storedAt: now, expiresAt: now + .seconds(60),
                staleUntil: now + .seconds(90))
            try await store.insert(original)
            let loaded = try await store.changes(after: nil)
            let record = try #require(loaded.inserted.first)
            #expect(record.vector.map(\.bitPattern) == vector.map(\.bitPattern))
            var comparable = record
            comparable.vector = original.vector
            #expect(comparable.id == original.id && comparable.tool == original.tool)
            #expect(comparable.namespace == original.namespace && comparable.partition == original.partition)
            #expect(comparable.text == original.text && comparable.value == original.value)
            #expect(comparable.tags == original.tags && comparable.storedAt == original.storedAt)
            #expect(comparable.expiresAt == original.expiresAt && comparable.staleUntil == original.staleUntil)
            #expect(try await store.invalidate(.tag("{a,b}")) == 1)
            #expect(try await store.invalidate(.tag(weird)) == 0)
        }

        @Test("a load from the beginning returns only live records, and reads after a cursor come in batches")
        func batches() async throws {
            let clock = ManualClock()
            let table = TestServer.uniqueName("semantic")
            let store = try makeSemanticStore(table: table, clock: clock) { $0.batchSize = 2 }
            let now = clock.now()
            for id in 1...5 { try await store.insert(semanticRecord(UInt64(id), at: now)) }
            try await store.insert(semanticRecord(6, at: now, ttl: .seconds(5)))
            try await store.remove(ids: [2])
            try await store.insert(semanticRecord(3, text: "replaced", at: now))
            clock.advance(by: .seconds(10))
            let all = try await store.changes(after: nil)
            #expect(Set(all.inserted.map(\.id)) == [1, 3, 4, 5])
            #expect(all.inserted.first { $0.id == 3 }?.text == "replaced")

            for id in 10...14 { try await store.insert(semanticRecord(UInt64(id), at: clock.now())) }
            let one = try await store.changes(after: all.cursor)
            let two = try await store.changes(after: one.cursor)
            let three = try await store.changes(after: two.cursor)
            #expect([one.summary, two.summary, three.summary] == [["+10", "+11"], ["+12", "+13"], ["+14"]])
            #expect(try await store.changes(after: three.cursor).changes.isEmpty)
        }

        @Test("sweep purges old removed and expired rows; a reader behind the purge reloads everything")
        func sweepHorizon() async throws {
            let clock = ManualClock()
            let table = TestServer.uniqueName("semantic")
            let store = try makeSemanticStore(table: table, clock: clock) { $0.retention = .seconds(60) }
            let now = clock.now()
            try await store.insert(semanticRecord(1, at: now))
            try await store.insert(semanticRecord(2, at: now))
            try await store.insert(semanticRecord(3, at: now, ttl: .seconds(10)))
            let lagging = try await store.changes(after: nil)
            try await store.remove(ids: [1])
            clock.advance(by: .seconds(30))
            #expect(try await store.sweep() == 0)  // nothing older than the retention yet
            let current = try await store.changes(after: lagging.cursor)
            #expect(current.summary == ["-1"])
            clock.advance(by: .seconds(60))
            #expect(try await store.sweep() == 2)  // the removal of 1 and the expired 3

            #expect(try await store.changes(after: lagging.cursor).summary == ["!all", "+2"])
            #expect(try await store.changes(after: current.cursor).changes.isEmpty)
            let rows = try await TestServer.client(poolSize: 1).query(
                "SELECT count(*) FROM toolops_it.\"\(table)\"")
            #expect(try rows.single().int() == 1)
        }

        @Test("concurrent writers from two processes: a polling reader sees every insert exactly once")
        func concurrentWriters() async throws {
            let clock = ManualClock()
            let table = TestServer.uniqueName("semantic")
            let writers = [
                try makeSemanticStore(table: table, clock: clock), try makeSemanticStore(table: table, clock: clock),
            ]
            let reader = try makeSemanticStore(table: table, clock: clock) { $0.batchSize = 7 }
            var cursor = try await reader.changes(after: nil).cursor
            var seen: [UInt64] = []
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in 1...120 {
                    let writer = writers[id % 2]
                    group.addTask { try await writer.insert(semanticRecord(UInt64(id), at: clock.now())) }
                }
                // Poll while the writes land, each time another one has committed.
                while try await group.next() != nil {
                    let changes = try await reader.changes(after: cursor)
                    seen += changes.inserted.map(\.id)
                    cursor = changes.cursor
                }
            }
            while true {
                let changes = try await reader.changes(after: cursor)
                if changes.changes.isEmpty { break }
                seen += changes.inserted.map(\.id)
                cursor = changes.cursor
            }
            #expect(seen.count == 120)
            #expect(Set(seen) == Set(1...120))
        }
    }
}

extension PostgresIntegration {
    @Suite("SemanticCache over PostgreSQL", needsServer)
    struct PostgresSemanticCacheTests {
        @Test("two processes' caches on one table answer each other's questions and follow invalidations")
        func twoProcesses() async throws {
            let clock = ManualClock()
            let table = TestServer.uniqueName("semantic_cache")
            func cache() throws -> SemanticCache {
                SemanticCache(
                    embedder: HashingEmbedder(), store: try makeSemanticStore(table: table, clock: clock),
                    configuration: .init(namespace: "billing", syncInterval: .seconds(1)), clock: clock)
            }
            let first = try cache()
            let second = try cache()
            let settings = SemanticCacheSettings(textField: "question", threshold: 0.8, ttl: .seconds(600), tags: ["q"])
            let tool = ToolID(name: "invoice_status")
            func ask(_ text: String) -> SemanticQuery { SemanticQuery(tool: tool, text: text, threshold: 0.8) }

            try await second.synchronize()
            try await first.store(
                ask("status of invoice 442"), vector: nil, value: Array("\"paid\"".utf8), settings: settings)
            #expect(try await second.lookup(ask("what is the status of invoice #442")).fresh == nil)  // not yet synced
            clock.advance(by: .seconds(1))
            let found = try await second.lookup(ask("what is the status of invoice #442"))
            #expect(found.fresh.map { String(decoding: $0.value, as: UTF8.self) } == "\"paid\"")
            #expect(try await second.lookup(ask("status of invoice 443")).fresh == nil)  // the guard

            // A third process starting now loads the answer from the table.
            let third = try cache()
            try await third.synchronize()
            #expect(third.statistics().entries == 1)

            _ = try await first.invalidate(.tag("q"))
            clock.advance(by: .seconds(1))
            #expect(try await second.lookup(ask("status of invoice 442")).fresh == nil)
            #expect(second.statistics().entries == 0)
        }
    }
}

import Foundation
import Testing
import ToolOpsCore
import ToolOpsSemantic
import ToolOpsTesting

@Suite("FileSemanticStore: compaction and concurrency")
struct FileSemanticStoreCompactionTests {
    @Test("compaction keeps live records and makes a reader with an old cursor reload")
    func compactionForcesReload() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let writer = try makeStore(file, clock: clock, automatic: false)
            let reader = try makeStore(file, clock: clock)
            for id in 1...6 { try await writer.insert(record(UInt64(id), at: clock.now())) }
            try await writer.remove(ids: [2, 4])
            try await writer.insert(record(5, text: "replaced", at: clock.now()))
            let before = try await reader.changes(after: nil)
            #expect(before.summary == ["+1", "+3", "+6", "+5"])

            #expect(try await writer.compact() == 4)
            #expect(try logLines(file).count == 6)  // header, 4 records, final newline
            try await writer.insert(record(7, at: clock.now()))

            let after = try await reader.changes(after: before.cursor)
            #expect(after.summary == ["!all", "+1", "+3", "+6", "+5", "+7"])
            #expect(after.inserted.first { $0.id == 5 }?.text == "replaced")
            #expect(reader.statistics.reloads == 1)
            #expect(try await reader.changes(after: after.cursor).changes.isEmpty)
            #expect(writer.statistics.compactions == 1)
        }
    }

    @Test("writes compact the log by themselves once it is past the threshold and mostly dead")
    func automaticCompaction() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let store = try makeStore(file, clock: clock, threshold: 4096)
            for id in 1...20 {
                try await store.insert(record(UInt64(id), at: clock.now()))
                try await store.remove(ids: [UInt64(id)])
            }
            #expect(store.statistics.compactions >= 1)
            let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
            #expect(size < 4096)
            try await store.insert(record(99, at: clock.now()))
            #expect(try await makeStore(file, clock: clock).changes(after: nil).summary == ["+99"])
        }
    }

    @Test("a large log of live records is not compacted")
    func liveLogStays() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let store = try makeStore(file, clock: clock, threshold: 1024)
            for id in 1...20 { try await store.insert(record(UInt64(id), at: clock.now())) }
            #expect(store.statistics.compactions == 0)
            #expect(try logLines(file).count == 22)
        }
    }

    @Test("concurrent inserts from many tasks and two instances all land, one per line")
    func concurrentInserts() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let stores = [try makeStore(file, clock: clock), try makeStore(file, clock: clock)]
            let text = String(repeating: "long text ", count: 400)  // lines of ~5 KB
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in 1...200 {
                    let store = stores[id % 2]
                    group.addTask { try await store.insert(record(UInt64(id), text: text, at: clock.now())) }
                }
                try await group.waitForAll()
            }
            let reader = try makeStore(file, clock: clock)
            let ids = try await reader.changes(after: nil).inserted.map(\.id)
            #expect(Set(ids) == Set(1...200))
            #expect(ids.count == 200)
            #expect(reader.statistics.corruptLines == 0)
            #expect(try logLines(file).count == 202)
        }
    }

    @Test("writes racing compactions by another instance all land in the compacted log")
    func writesDuringCompaction() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let writers = [try makeStore(file, clock: clock), try makeStore(file, clock: clock)]
            let compactor = try makeStore(file, clock: clock, automatic: false)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in 1...150 {
                    let writer = writers[id % 2]
                    group.addTask { try await writer.insert(record(UInt64(id), at: clock.now())) }
                    if id % 10 == 0 { group.addTask { _ = try await compactor.compact() } }
                }
                try await group.waitForAll()
            }
            #expect(compactor.statistics.compactions == 15)
            let ids = try await makeStore(file, clock: clock).changes(after: nil).inserted.map(\.id)
            #expect(ids.count == 150)
            #expect(Set(ids) == Set(1...150))
        }
    }

    @Test("the default file lives in ToolOps's cache folder, under semantic/")
    func defaultFile() {
        let home = FileSemanticStore.defaultFile(name: "billing", environment: ["HOME": "/home/ada"])
        #expect(home.path(percentEncoded: false) == "/home/ada/.cache/toolops/semantic/billing.log")
        let explicit = FileSemanticStore.defaultFile(environment: ["TOOLOPS_CACHE_DIR": "/srv/c", "HOME": "/h"])
        #expect(explicit.path(percentEncoded: false) == "/srv/c/semantic/default.log")
    }
}

import Foundation
import Testing
import ToolOpsCache
import ToolOpsCore
import ToolOpsTesting

@Suite("FileCache persistence")
struct FileCachePersistenceTests {
    let clock = ManualClock()

    func cache(_ directory: URL, namespace: String = "default", maxEntries: Int = 10_000) throws -> FileCache {
        try FileCache(
            configuration: .init(directory: directory, namespace: namespace, maxEntries: maxEntries, clock: clock))
    }

    @Test("payload and metadata survive into a new FileCache on the same folder")
    func roundTrip() async throws {
        try await withTemporaryDirectory { directory in
            let key = Fixtures.key(1, tool: Fixtures.stocks)
            let entry = Fixtures.entry(
                "{\"price\":42.5,\"name\":\"Zürich ☀︎\"}",
                tool: Fixtures.stocks,
                tags: ["prices", "eu"],
                at: clock.now(),
                ttl: .seconds(60),
                stale: .seconds(600)
            )
            try cache(directory).store(entry, for: key)

            let reopened = try cache(directory)
            #expect(try reopened.statistics().entries == 1)
            let found = try #require(try reopened.entry(for: key))
            #expect(found.payload == entry.payload)
            #expect(found.tool == Fixtures.stocks)
            #expect(found.tags == ["prices", "eu"])
            #expect(found.storedAt == entry.storedAt)
            #expect(found.freshUntil == entry.freshUntil)
            #expect(found.staleUntil == entry.staleUntil)
            #expect(try reopened.entry(for: Fixtures.key(2, tool: Fixtures.stocks)) == nil)
        }
    }

    @Test("a store writes through the CacheStore protocol like any other")
    func throughProtocol() async throws {
        try await withTemporaryDirectory { directory in
            let store: any CacheStore = try cache(directory)
            try await store.store(Fixtures.entry("v", at: clock.now()), for: Fixtures.key(1))
            #expect(Fixtures.text(try await store.entry(for: Fixtures.key(1))) == "v")
            #expect(try await store.removeEntry(for: Fixtures.key(1)))
            #expect(try await store.entry(for: Fixtures.key(1)) == nil)
        }
    }

    @Test("the folder is owner-only (0700) and entry files are 0600")
    func permissions() async throws {
        try await withTemporaryDirectory { directory in
            let parent = directory.appending(path: "nested/cache")
            let store = try cache(parent, namespace: "tools")
            try store.store(Fixtures.entry("secret", at: clock.now()), for: Fixtures.key(1))
            #expect(Disk.mode(of: store.namespaceDirectory) == 0o700)
            #expect(Disk.mode(of: parent) == 0o700)
            let files = try Disk.entryFiles(in: store.namespaceDirectory)
            #expect(files.count == 1)
            for file in files { #expect(Disk.mode(of: file) == 0o600) }
        }
    }

    @Test("no temporary files remain after writes and replacements")
    func noTemporaryFiles() async throws {
        try await withTemporaryDirectory { directory in
            let store = try cache(directory)
            for round in 0..<3 {
                for n in 0..<20 { try store.store(Fixtures.entry("v\(round)", at: clock.now()), for: Fixtures.key(n)) }
            }
            let names = try Disk.names(in: store.namespaceDirectory)
            #expect(names.count == 20)
            #expect(names.allSatisfy { $0.hasSuffix(".tce") && !$0.hasPrefix(".") })
            #expect(Fixtures.text(try store.entry(for: Fixtures.key(7))) == "v2")
        }
    }

    @Test("namespaces in one folder are separate stores")
    func namespaces() async throws {
        try await withTemporaryDirectory { directory in
            let first = try cache(directory, namespace: "first")
            let second = try cache(directory, namespace: "second")
            try first.store(Fixtures.entry("one", at: clock.now()), for: Fixtures.key(1))
            try second.store(Fixtures.entry("two", at: clock.now()), for: Fixtures.key(1))
            #expect(try first.invalidate(.all) == 1)
            #expect(Fixtures.text(try second.entry(for: Fixtures.key(1))) == "two")
            #expect(try first.entry(for: Fixtures.key(1)) == nil)
        }
    }

    @Test("a key cannot carry a digest that is not 64 hex characters, so no file name escapes the folder")
    func handMadeDigest() {
        #expect(CallKey(tool: Fixtures.weather, digest: "../../escape") == nil)
        #expect(CallKey(tool: Fixtures.weather, digest: String(repeating: "g", count: 64)) == nil)
        let valid = String(repeating: "ab", count: 32)
        #expect(CallKey(tool: Fixtures.weather, digest: valid)?.digest == valid)
    }
}

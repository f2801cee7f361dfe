import Foundation
import Testing
import ToolOpsCache
import ToolOpsCore
import ToolOpsTesting

@Suite("FileCache bounds, expiry and invalidation")
struct FileCacheBoundsTests {
    let clock = ManualClock()

    func cache(_ directory: URL, maxEntries: Int = 10_000, maxBytes: Int = 1 << 20) throws -> FileCache {
        try FileCache(
            configuration: .init(directory: directory, maxEntries: maxEntries, maxBytes: maxBytes, clock: clock))
    }

    @Test("the least recently used file is evicted when over maxEntries")
    func entryBound() async throws {
        try await withTemporaryDirectory { directory in
            let store = try cache(directory, maxEntries: 3)
            for n in 1...3 { try store.store(Fixtures.entry("v\(n)", at: clock.now()), for: Fixtures.key(n)) }
            #expect(try store.entry(for: Fixtures.key(1)) != nil)
            try store.store(Fixtures.entry("v4", at: clock.now()), for: Fixtures.key(4))

            #expect(try store.entry(for: Fixtures.key(2)) == nil)
            #expect(try store.entry(for: Fixtures.key(1)) != nil)
            #expect(try Disk.entryFiles(in: store.namespaceDirectory).count == 3)
            #expect(try store.statistics().evictions == 1)
        }
    }

    @Test("recency survives a restart well enough: the oldest entries go first")
    func boundAfterReopen() async throws {
        try await withTemporaryDirectory { directory in
            let first = try cache(directory)
            for n in 1...5 {
                try first.store(Fixtures.entry("v\(n)", at: clock.now()), for: Fixtures.key(n))
                clock.advance(by: .seconds(1))
            }
            let reopened = try cache(directory, maxEntries: 3)
            #expect(try reopened.statistics().entries == 3)
            #expect(try reopened.entry(for: Fixtures.key(1)) == nil)
            #expect(try reopened.entry(for: Fixtures.key(2)) == nil)
            #expect(try reopened.entry(for: Fixtures.key(5)) != nil)
        }
    }

    @Test("the byte bound holds on disk")
    func byteBound() async throws {
        try await withTemporaryDirectory { directory in
            let probe = try cache(directory.appending(path: "probe"))
            try probe.store(Fixtures.entry(String(repeating: "x", count: 500), at: clock.now()), for: Fixtures.key(0))
            let fileSize = try Disk.bytes(of: Disk.entryFile(for: Fixtures.key(0), in: probe.namespaceDirectory)).count

            let store = try cache(directory, maxBytes: fileSize * 4 + fileSize / 2)
            for n in 0..<20 {
                try store.store(
                    Fixtures.entry(String(repeating: "x", count: 500), at: clock.now()), for: Fixtures.key(n))
            }
            let onDisk = try Disk.entryFiles(in: store.namespaceDirectory).map { try Disk.bytes(of: $0).count }
            #expect(onDisk.count == 4)
            #expect(onDisk.reduce(0, +) <= fileSize * 4 + fileSize / 2)
            #expect(try store.statistics().bytes == onDisk.reduce(0, +))
            try store.store(
                Fixtures.entry(String(repeating: "y", count: 10_000), at: clock.now()), for: Fixtures.key(99))
            #expect(try store.entry(for: Fixtures.key(99)) == nil)
        }
    }

    @Test("an entry goes fresh, stale, expired; expired files are removed on read and by sweep")
    func expiry() async throws {
        try await withTemporaryDirectory { directory in
            let store = try cache(directory)
            try store.store(
                Fixtures.entry("read", at: clock.now(), ttl: .seconds(10), stale: .seconds(10)), for: Fixtures.key(1))
            for n in 2...4 {
                try store.store(Fixtures.entry("short", at: clock.now(), ttl: .seconds(10)), for: Fixtures.key(n))
            }
            try store.store(Fixtures.entry("long", at: clock.now(), ttl: .seconds(100)), for: Fixtures.key(5))

            clock.advance(by: .seconds(15))
            #expect(try #require(try store.entry(for: Fixtures.key(1))).freshness(at: clock.now()) == .stale)
            clock.advance(by: .seconds(10))
            #expect(try store.entry(for: Fixtures.key(1)) == nil)
            #expect(try store.sweep() == 3)
            #expect(
                try Disk.entryFiles(in: store.namespaceDirectory) == [
                    Disk.entryFile(for: Fixtures.key(5), in: store.namespaceDirectory)
                ])
            #expect(try store.statistics().expirations == 4)
        }
    }

    @Test("invalidating by tool, by tag and everything deletes the matching files")
    func invalidation() async throws {
        try await withTemporaryDirectory { directory in
            let store = try cache(directory)
            let now = clock.now()
            try store.store(Fixtures.entry("w", tags: ["eu"], at: now), for: Fixtures.key(1))
            try store.store(Fixtures.entry("w", at: now), for: Fixtures.key(2))
            try store.store(
                Fixtures.entry("s", tool: Fixtures.stocks, tags: ["eu"], at: now),
                for: Fixtures.key(3, tool: Fixtures.stocks))
            try store.store(
                Fixtures.entry("s", tool: Fixtures.stocks, at: now), for: Fixtures.key(4, tool: Fixtures.stocks))

            #expect(try store.invalidate(.tag("eu")) == 2)
            #expect(try store.entry(for: Fixtures.key(1)) == nil)
            #expect(try store.invalidate(.tool("get_weather")) == 1)
            #expect(try Disk.entryFiles(in: store.namespaceDirectory).count == 1)
            #expect(try store.invalidate(.all) == 1)
            #expect(try Disk.entryFiles(in: store.namespaceDirectory).isEmpty)
            #expect(try store.statistics().entries == 0)
        }
    }

    @Test("invalidating everything also removes entries another store instance wrote")
    func invalidateAllSeesOtherWriters() async throws {
        try await withTemporaryDirectory { directory in
            let store = try cache(directory)
            #expect(try store.statistics().entries == 0)
            let other = try cache(directory)
            for n in 0..<3 { try other.store(Fixtures.entry("v", at: clock.now()), for: Fixtures.key(n)) }
            #expect(try store.statistics().entries == 3)
            #expect(try store.invalidate(.all) == 3)
            #expect(try other.entry(for: Fixtures.key(0)) == nil)
        }
    }
}

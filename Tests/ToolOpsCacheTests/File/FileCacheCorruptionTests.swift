import Foundation
import Testing
import ToolOpsCache
import ToolOpsCore
import ToolOpsTesting

@Suite("FileCache damaged entries")
struct FileCacheCorruptionTests {
    let clock = ManualClock()

    /// A store holding one entry for `Fixtures.key(1)`, and that entry's file.
    func storeWithEntry(in directory: URL) throws -> (FileCache, URL) {
        let store = try FileCache(configuration: .init(directory: directory, clock: clock))
        try store.store(
            Fixtures.entry(String(repeating: "payload ", count: 20), tags: ["t"], at: clock.now()), for: Fixtures.key(1)
        )
        return (store, Disk.entryFile(for: Fixtures.key(1), in: store.namespaceDirectory))
    }

    @Test("truncated file entry is a miss", arguments: [0, 4, 13, 40, 150, -1])
    func truncated(keep: Int) async throws {
        try await withTemporaryDirectory { directory in
            let (store, file) = try storeWithEntry(in: directory)
            let bytes = try Disk.bytes(of: file)
            try Disk.overwrite(file, with: Array(bytes.prefix(keep >= 0 ? keep : bytes.count - 1)))

            let error = #expect(throws: CacheStoreError.self) { try store.entry(for: Fixtures.key(1)) }
            #expect(error?.message.contains("deleted") == true)
            #expect(!FileManager.default.fileExists(atPath: file.path(percentEncoded: false)))
            #expect(try store.entry(for: Fixtures.key(1)) == nil)
            #expect(try store.statistics().misses == 2)
            #expect(try store.statistics().entries == 0)
        }
    }

    @Test("a flipped payload byte is detected by the checksum", arguments: [-1, -30])
    func flippedPayload(offsetFromEnd: Int) async throws {
        try await withTemporaryDirectory { directory in
            let (store, file) = try storeWithEntry(in: directory)
            var bytes = try Disk.bytes(of: file)
            bytes[bytes.count + offsetFromEnd] ^= 0x01
            try Disk.overwrite(file, with: bytes)

            let error = #expect(throws: CacheStoreError.self) { try store.entry(for: Fixtures.key(1)) }
            #expect(error?.message.contains("payload checksum") == true)
            #expect(!FileManager.default.fileExists(atPath: file.path(percentEncoded: false)))
            #expect(try store.entry(for: Fixtures.key(1)) == nil)
        }
    }

    @Test("a flipped header byte is detected", arguments: [11, 20, 60])
    func flippedHeader(offset: Int) async throws {
        try await withTemporaryDirectory { directory in
            let (store, file) = try storeWithEntry(in: directory)
            var bytes = try Disk.bytes(of: file)
            bytes[offset] ^= 0x40
            try Disk.overwrite(file, with: bytes)

            #expect(throws: CacheStoreError.self) { try store.entry(for: Fixtures.key(1)) }
            #expect(!FileManager.default.fileExists(atPath: file.path(percentEncoded: false)))
        }
    }

    @Test("a damaged file found when a new store scans the folder is removed")
    func damagedAtScan() async throws {
        try await withTemporaryDirectory { directory in
            let (_, file) = try storeWithEntry(in: directory)
            try Disk.overwrite(file, with: Array(try Disk.bytes(of: file).prefix(30)))
            let reopened = try FileCache(configuration: .init(directory: directory, clock: clock))
            #expect(try reopened.statistics().entries == 0)
            #expect(!FileManager.default.fileExists(atPath: file.path(percentEncoded: false)))
        }
    }

    @Test("an entry file moved under another key's name is not served for that key")
    func wrongKey() async throws {
        try await withTemporaryDirectory { directory in
            let (store, file) = try storeWithEntry(in: directory)
            let other = Disk.entryFile(for: Fixtures.key(2), in: store.namespaceDirectory)
            try FileManager.default.moveItem(at: file, to: other)
            #expect(throws: CacheStoreError.self) { try store.entry(for: Fixtures.key(2)) }
            #expect(try store.entry(for: Fixtures.key(2)) == nil)
        }
    }
}

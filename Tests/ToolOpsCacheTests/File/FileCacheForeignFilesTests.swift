import Foundation
import Testing
import ToolOpsCache
import ToolOpsCore
import ToolOpsTesting

@Suite("FileCache and files it did not create")
struct FileCacheForeignFilesTests {
    let clock = ManualClock()

    /// Foreign files planted in a namespace folder: name → contents.
    func plantForeignFiles(in folder: URL) throws -> [String: [UInt8]] {
        let lookalike = Disk.entryFile(for: Fixtures.key(999), in: folder).lastPathComponent
        let files: [String: [UInt8]] = [
            "notes.txt": Array("remember the milk\n".utf8),
            "config.json": Array("{\"cache\": {\"ttl\": 3600}}\n".utf8),
            lookalike: Array("{\"looks\": \"like an entry, but has no magic\"}".utf8),
            ".tmp-\(String(repeating: "a", count: 64))-0123456789abcdef": Array("someone else's temp".utf8),
            "\(String(repeating: "b", count: 64)).tce.bak": Array("backup".utf8),
            "": [],
        ].filter { !$0.key.isEmpty }
        for (name, bytes) in files {
            let url = folder.appending(path: name)
            try Disk.overwrite(url, with: bytes)
            Disk.setModificationTime(of: url, to: .epoch)
        }
        try FileManager.default.createDirectory(
            at: folder.appending(path: "subfolder"), withIntermediateDirectories: true)
        try Disk.overwrite(folder.appending(path: "subfolder/inner.dat"), with: [1, 2, 3])
        return files
    }

    @Test("FileCache leaves foreign files in its directory untouched")
    func foreignFilesUntouched() async throws {
        try await withTemporaryDirectory { directory in
            let folder = directory.appending(path: "default")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let foreign = try plantForeignFiles(in: folder)
            let store = try FileCache(configuration: .init(directory: directory, maxEntries: 5, clock: clock))

            for n in 0..<20 {
                try store.store(
                    Fixtures.entry("v\(n)", at: clock.now(), ttl: .seconds(n < 10 ? 5 : 500)), for: Fixtures.key(n))
            }
            clock.advance(by: .seconds(7_200))
            _ = try store.sweep()
            _ = try store.invalidate(.tool(Fixtures.weather.name))
            _ = try store.statistics()
            #expect(try store.invalidate(.all) == 0)
            // The look-alike is in the way of key 999: neither read, replaced nor deleted.
            #expect(throws: CacheStoreError.self) { try store.entry(for: Fixtures.key(999)) }
            #expect(throws: CacheStoreError.self) {
                try store.store(Fixtures.entry("x", at: clock.now()), for: Fixtures.key(999))
            }
            _ = try store.removeEntry(for: Fixtures.key(999))

            for (name, bytes) in foreign {
                #expect(try Disk.bytes(of: folder.appending(path: name)) == bytes, "\(name) changed")
            }
            #expect(try Disk.bytes(of: folder.appending(path: "subfolder/inner.dat")) == [1, 2, 3])
            #expect(try Disk.names(in: folder) == (foreign.keys + ["subfolder"]).sorted())
        }
    }

    @Test("a symbolic link under an entry's name is neither followed nor removed")
    func symbolicLinkEntry() async throws {
        try await withTemporaryDirectory { directory in
            let store = try FileCache(configuration: .init(directory: directory, clock: clock))
            let target = directory.appending(path: "target.txt")
            try Disk.overwrite(target, with: Array("precious".utf8))
            let link = Disk.entryFile(for: Fixtures.key(1), in: store.namespaceDirectory)
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)

            #expect(throws: CacheStoreError.self) { try store.entry(for: Fixtures.key(1)) }
            #expect(throws: CacheStoreError.self) {
                try store.store(Fixtures.entry("x", at: clock.now()), for: Fixtures.key(1))
            }
            _ = try store.invalidate(.all)
            #expect(
                try FileManager.default.destinationOfSymbolicLink(atPath: link.path(percentEncoded: false))
                    == target.path(percentEncoded: false))
            #expect(try Disk.bytes(of: target) == Array("precious".utf8))
        }
    }

    @Test("sweep removes the store's own abandoned temporary files, and recent ones stay")
    func abandonedTemporaryFiles() async throws {
        try await withTemporaryDirectory { directory in
            let store = try FileCache(configuration: .init(directory: directory, clock: clock))
            try store.store(Fixtures.entry("v", at: clock.now()), for: Fixtures.key(1))
            let entry = try Disk.bytes(of: Disk.entryFile(for: Fixtures.key(1), in: store.namespaceDirectory))
            let stem = Fixtures.key(1).digest
            let abandoned = store.namespaceDirectory.appending(path: ".tmp-\(stem)-00000000000000aa")
            let recent = store.namespaceDirectory.appending(path: ".tmp-\(stem)-00000000000000bb")
            try Disk.overwrite(abandoned, with: Array(entry.prefix(50)))
            try Disk.overwrite(recent, with: Array(entry.prefix(50)))
            Disk.setModificationTime(of: abandoned, to: clock.now().advanced(by: .seconds(-7_200)))
            Disk.setModificationTime(of: recent, to: clock.now().advanced(by: .seconds(-60)))

            _ = try store.sweep()
            #expect(!FileManager.default.fileExists(atPath: abandoned.path(percentEncoded: false)))
            #expect(FileManager.default.fileExists(atPath: recent.path(percentEncoded: false)))
        }
    }
}

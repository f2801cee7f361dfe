import Foundation
import Testing
import ToolOpsCore
import ToolOpsSemantic
import ToolOpsTesting

@Suite("FileSemanticStore: torn and corrupt lines, errors")
struct FileSemanticStoreDamageTests {
    @Test("a last line still being written is left for the next read, then returned whole")
    func tornLastLine() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let other = try makeStore(file, clock: clock)
            let reader = try makeStore(file, clock: clock)
            try await other.insert(record(1, at: clock.now()))
            let start = try await reader.changes(after: nil)
            #expect(start.summary == ["+1"])
            // The same line for id 2, appended in two parts as a slow writer would.
            let line = Array(try logLines(file)[1].replacing("\"id\":\"1\"", with: "\"id\":\"2\"").utf8) + [10]
            try appendRaw(Array(line.prefix(40)), to: file)
            let torn = try await reader.changes(after: start.cursor)
            #expect(torn.changes.isEmpty)
            #expect(torn.cursor == start.cursor)
            try appendRaw(Array(line.dropFirst(40)), to: file)
            #expect(try await reader.changes(after: torn.cursor).summary == ["+2"])
            #expect(reader.statistics.corruptLines == 0)
        }
    }

    @Test("a corrupt line in the middle is skipped and counted; the lines around it still apply")
    func corruptMiddleLine() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let store = try makeStore(file, clock: clock)
            try await store.insert(record(1, at: clock.now()))
            try appendRaw(Array("{\"op\":\"insert\",\"id\":\"7\",garbage\n".utf8), to: file)
            try await store.insert(record(2, at: clock.now()))

            let reader = try makeStore(file, clock: clock)
            #expect(try await reader.changes(after: nil).summary == ["+1", "+2"])
            #expect(reader.statistics.corruptLines == 1)
        }
    }

    @Test("a writer after a crash mid-line starts on a new line, so only the fragment is lost")
    func writeAfterCrash() async throws {
        try await withTemporaryLog { file in
            let clock = ManualClock()
            let store = try makeStore(file, clock: clock)
            try appendRaw(Array("{\"op\":\"insert\",\"id\":\"7\"".utf8), to: file)  // no newline: the writer died
            try await store.insert(record(2, at: clock.now()))
            let reader = try makeStore(file, clock: clock)
            #expect(try await reader.changes(after: nil).summary == ["+2"])
            #expect(reader.statistics.corruptLines == 1)
        }
    }

    @Test("a file that is not a log, and an unwritable folder, are typed errors naming the path")
    func typedErrors() async throws {
        try await withTemporaryLog { file in
            try Data("hello\n".utf8).write(to: file)
            let notALog = #expect(throws: SemanticStoreError.self) { try makeStore(file, clock: ManualClock()) }
            #expect(notALog?.code == .unsupportedFormat)
            #expect(notALog?.path == file.path(percentEncoded: false))

            let folder = file.deletingLastPathComponent().appending(path: "locked", directoryHint: .isDirectory)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: folder.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path) }
            // root may write anywhere: the check only means something for other users.
            guard getuid() != 0 else { return }
            let locked = #expect(throws: SemanticStoreError.self) {
                try makeStore(folder.appending(path: "s.log"), clock: ManualClock())
            }
            #expect(locked?.code == .notWritable)
            #expect(locked?.description.contains(folder.path(percentEncoded: false).dropLast()) == true)
        }
    }

    @Test("a directory at the log's path is reported, not read")
    func directoryAtPath() async throws {
        try await withTemporaryLog { file in
            try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)
            let error = #expect(throws: SemanticStoreError.self) { try makeStore(file, clock: ManualClock()) }
            #expect(error?.code == .notAFile)
        }
    }
}

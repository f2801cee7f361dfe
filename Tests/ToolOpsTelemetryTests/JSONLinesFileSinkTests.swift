import Foundation
import Logging
import Testing
import ToolOpsTelemetry
import ToolOpsTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("JSON Lines file and descriptor sinks")
struct JSONLinesFileSinkTests {
    private func lines(ofFile path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"), "the file ends with a whole line")
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test("a file destination writes one line per record and creates the file with mode 0600")
    func fileDestinationWritesLines() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path + "/toolops.jsonl"
        let handler = try JSONLinesLogHandler.file(
            path: path, label: "toolops", configuration: .init(clock: ManualClock()))
        let logger = Logger(label: "toolops") { _ in handler }
        logger.info("first", source: "S")
        logger.error("second", metadata: ["tool": "t"], source: "S")

        let written = try lines(ofFile: path)
        #expect(
            written == [
                #"{"ts":"2024-01-01T00:00:00.000000Z","level":"info","label":"toolops","msg":"first","source":"S"}"#,
                #"{"ts":"2024-01-01T00:00:00.000000Z","level":"error","label":"toolops","msg":"second","source":"S","tool":"t"}"#,
            ])
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test("a file destination appends to an existing file and keeps its lines")
    func fileDestinationAppends() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path + "/existing.jsonl"
        try "{\"old\":true}\n".write(toFile: path, atomically: false, encoding: .utf8)

        for message in ["one", "two"] {
            // A new sink each time: reopening must append, not truncate.
            let sink = try FileDescriptorSink(appendingTo: path)
            makeLogger(sink: sink).info("\(message)")
        }

        let written = try lines(ofFile: path)
        #expect(written.count == 3)
        #expect(written[0] == #"{"old":true}"#)
        #expect(try parseObject(written[1])["msg"] as? String == "one")
        #expect(try parseObject(written[2])["msg"] as? String == "two")
    }

    @Test("a path in a missing folder fails with a typed error naming the path and the reason")
    func missingFolderGivesTypedError() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path + "/missing/toolops.jsonl"

        let error = try #require(throws: JSONLinesFileError.self) {
            try JSONLinesLogHandler.file(path: path, label: "toolops")
        }
        #expect(error.path == path)
        #expect(error.errorNumber == ENOENT)
        #expect(error.description.contains("'\(path)'"))
        #expect(error.description.contains("No such file or directory"))
        #expect(error.description.contains("Create the folder first"))
    }

    @Test("a folder given as the path fails with advice to name a file inside it")
    func folderPathGivesTypedError() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }

        let error = try #require(throws: JSONLinesFileError.self) {
            try FileDescriptorSink(appendingTo: folder.path)
        }
        #expect(error.errorNumber == EISDIR)
        #expect(error.description.contains(folder.path))
        #expect(error.description.contains("give the name of a file inside it"))
    }

    @Test("concurrent records to one file never interleave: exactly N whole lines")
    func concurrentFileWritesStayWhole() async throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        let path = folder.path + "/concurrent.jsonl"
        let sink = try FileDescriptorSink(appendingTo: path)
        let logger = makeLogger(sink: sink)
        let count = 400
        // Longer than PIPE_BUF (4096), so a torn write would show up as a broken line.
        let padding = String(repeating: "x", count: 6000)

        await withTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask { logger.info("\(padding)", metadata: ["index": "\(index)"]) }
            }
        }

        let written = try lines(ofFile: path)
        #expect(written.count == count)
        var indices: Set<String> = []
        for line in written {
            let record = try parseObject(line)
            #expect(record["msg"] as? String == padding)
            if let index = record["index"] as? String { indices.insert(index) }
        }
        #expect(indices == Set((0..<count).map(String.init)))
        #expect(sink.failedWriteCount == 0)
    }

    @Test("a descriptor sink writes lines to the descriptor it was given")
    func descriptorSinkWritesToPipe() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        let sink = FileDescriptorSink(fileDescriptor: ends[1])
        makeLogger(sink: sink).notice("through a pipe", source: "S")

        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(ends[0], &buffer, buffer.count)
        #expect(
            String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
                == #"{"ts":"2024-01-01T00:00:00.000000Z","level":"notice","label":"toolops","msg":"through a pipe","source":"S"}"#
                + "\n")
        #expect(sink.failedWriteCount == 0)
    }

    @Test("a line the descriptor refuses is dropped and counted, not thrown")
    func refusedWritesAreCounted() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        // The read end of a pipe refuses writes with EBADF.
        let sink = FileDescriptorSink(fileDescriptor: ends[0])
        let logger = makeLogger(sink: sink)
        logger.info("lost")
        logger.info("lost too")
        #expect(sink.failedWriteCount == 2)
    }
}

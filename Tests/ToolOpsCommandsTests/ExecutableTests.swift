import Foundation
import Testing

/// The `toolops` executable built next to this test bundle, if there is one.
private let executable: URL? = {
    let candidate = Bundle.main.bundleURL.deletingLastPathComponent().appending(path: "toolops")
    let tests = URL(filePath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "toolops")
    return [candidate, tests].first { FileManager.default.isExecutableFile(atPath: $0.path(percentEncoded: false)) }
}()

@Suite("The toolops executable", .enabled(if: executable != nil, "needs the toolops executable next to the tests"))
struct ExecutableTests {
    /// Runs `toolops` with `arguments` and no terminal; returns its exit status and streams. It
    /// waits on a thread of its own: waiting for a process must not block the tests' task pool.
    func toolops(_ arguments: [String]) async throws -> (status: Int32, output: String, error: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try Self.runToolops(arguments) })
            }
        }
    }

    private static func runToolops(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let cache = FileManager.default.temporaryDirectory.appending(path: "toolops-exe-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        process.environment = ["TOOLOPS_CACHE_DIR": cache.path(percentEncoded: false), "PATH": "/usr/bin:/bin"]
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outputData, as: UTF8.self),
            String(decoding: errorData, as: UTF8.self)
        )
    }

    @Test("an unknown store: one line on stderr, nothing on stdout, exit status 1")
    func unknownStore() async throws {
        let result = try await toolops(["stats", "--store", "nope"])
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("Error: unknown store 'nope'; the stores are "))
        #expect(result.error.filter { $0 == "\n" }.count == 1)
    }

    @Test("clear without a terminal and without --yes refuses in one line")
    func clearRefuses() async throws {
        let result = try await toolops(["clear", "memory"])
        #expect(result.status == 1)
        #expect(result.error.hasPrefix("Error: refusing to clear store 'memory'"))
        #expect(result.error.filter { $0 == "\n" }.count == 1)
    }

    @Test("the demo is still there")
    func demo() async throws {
        let result = try await toolops(["demo", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: toolops demo"))
    }
}

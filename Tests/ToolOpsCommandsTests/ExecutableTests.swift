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

    @Test(
        "a usage mistake is exactly one line on stderr, nothing on stdout, exit status 64",
        arguments: [
            ["clear"], ["invalidate"], ["doctor", "--timeout", "0"], ["stats", "--top", "0"], ["stats", "--store"],
            ["demo", "--agents", "0"],
        ])
    func usageMistake(arguments: [String]) async throws {
        let result = try await toolops(arguments)
        #expect(result.status == 64)
        #expect(result.output.isEmpty)
        #expect(result.error.hasPrefix("Error: "))
        #expect(result.error.filter(\.isNewline).count == 1, "\(result.error)")
        #expect(result.error.hasSuffix("\n"))
        #expect(!result.error.contains("Usage:") && !result.error.contains("Help:"))
    }

    @Test("help goes to stdout with exit status 0", arguments: [["--help"], ["help"], [], ["stats", "--help"]])
    func help(arguments: [String]) async throws {
        let result = try await toolops(arguments)
        #expect(result.status == 0)
        #expect(result.error.isEmpty)
        #expect(result.output.contains("USAGE: toolops"))
    }

    @Test("metrics --serve ends on Ctrl-C as a normal exit, after shutting down, not killed by the signal")
    func serveStopsOnInterrupt() async throws {
        let result = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try Self.interruptServing() })
            }
        }
        #expect(result.serving, "\(result.error)")
        #expect(result.reason == .exit)
        #expect(result.status == 0, "\(result.error)")
    }

    /// Starts `toolops metrics --serve 0`, waits until it serves, sends SIGINT and waits for it to end.
    private static func interruptServing() throws -> (
        serving: Bool, reason: Process.TerminationReason, status: Int32, error: String
    ) {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["metrics", "--serve", "0"]
        let cache = FileManager.default.temporaryDirectory.appending(path: "toolops-exe-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        process.environment = ["TOOLOPS_CACHE_DIR": cache.path(percentEncoded: false), "PATH": "/usr/bin:/bin"]
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let error = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("Serving metrics on") {
            let data = error.fileHandleForReading.availableData
            if data.isEmpty { break }  // it ended before serving
            text += String(decoding: data, as: UTF8.self)
        }
        let serving = text.contains("Serving metrics on")
        // Again until it ends: a signal that comes before the watch is armed is ignored, not fatal.
        for _ in 0..<50 where serving && process.isRunning {
            process.interrupt()
            Thread.sleep(forTimeInterval: 0.1)
        }
        process.waitUntilExit()
        text += String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (serving, process.terminationReason, process.terminationStatus, text)
    }

    @Test("the demo is still there")
    func demo() async throws {
        let result = try await toolops(["demo", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: toolops demo"))
    }
}

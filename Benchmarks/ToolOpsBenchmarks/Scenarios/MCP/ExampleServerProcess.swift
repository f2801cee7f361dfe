import Foundation
import ToolOpsIntegrations

/// `toolops-example-server` running as a child process, its stdin and stdout on pipes this process holds.
///
/// The child is the binary next to the running `toolops-bench` (both land in the same build
/// folder); its standard error, where it logs, goes to `/dev/null`. ``transport`` is the client end
/// of the MCP stdio connection; ``shutDown()`` closes the child's stdin, which ends its session,
/// and waits for it to exit.
final class ExampleServerProcess: Sendable {
    /// The executable's name, as `swift build --product` knows it.
    static let productName = "toolops-example-server"
    /// How long the child may take to exit once its stdin is closed before it is terminated.
    static let exitDeadline: Duration = .seconds(5)

    /// Why the child could not be started or stopped cleanly.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The stdio transport talking to the child: writes its stdin, reads its stdout.
    let transport: MCPStdioTransport
    private let process: Process
    private let input: Pipe
    private let output: Pipe

    /// Starts the example server found next to this binary.
    ///
    /// - Throws: ``Failure`` when the executable is missing (with the command that builds it) or
    ///   cannot be started.
    init() throws(Failure) {
        let executable = try Self.locate()
        process = Process()
        process.executableURL = executable
        process.arguments = []
        input = Pipe()
        output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "could not start \(executable.path): \(error)")
        }
        transport = MCPStdioTransport(
            input: output.fileHandleForReading.fileDescriptor, output: input.fileHandleForWriting.fileDescriptor)
    }

    /// The example server's path: the directory of the running binary, resolved through symlinks.
    static func locate() throws(Failure) -> URL {
        let running =
            Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments.first ?? Self.productName)
        let folder = running.resolvingSymlinksInPath().deletingLastPathComponent()
        let candidate = folder.appendingPathComponent(productName)
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            let configuration = folder.lastPathComponent == "debug" ? "" : " -c release"
            throw Failure(
                description: "\(productName) not found at \(candidate.path); build it next to toolops-bench with "
                    + "`swift build\(configuration) --product \(productName)` (make bench does)")
        }
        return candidate
    }

    /// Closes the child's stdin (the end of its MCP session) and waits for it to exit.
    ///
    /// - Throws: ``Failure`` when it had to be terminated or exited with a non-zero status.
    func shutDown() async throws(Failure) {
        try? input.fileHandleForWriting.close()
        let process = self.process
        let exited = await Self.waitForExit(process, deadline: Self.exitDeadline)
        try? output.fileHandleForReading.close()
        guard exited else {
            throw Failure(description: "\(Self.productName) still running \(Self.exitDeadline) after its stdin closed")
        }
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(Self.productName) exited with status \(process.terminationStatus)")
        }
    }

    /// Whether `process` exited within `deadline`; terminates it (and says `false`) otherwise.
    private static func waitForExit(_ process: Process, deadline: Duration) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            // `waitUntilExit` blocks, so it waits on a thread of its own, not one of the pool's.
            group.addTask {
                _ = try? await DedicatedThread.run("bench-mcp-server-exit") { process.waitUntilExit() }
                return true
            }
            group.addTask {
                try? await Task.sleep(for: deadline)
                return false
            }
            let exited = await group.next() ?? false
            if !exited { process.terminate() }  // the waiting thread then returns too
            group.cancelAll()
            return exited
        }
    }
}

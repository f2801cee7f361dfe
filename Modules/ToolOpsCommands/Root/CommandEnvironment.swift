import Foundation
import ToolOps

/// Everything a command takes from outside itself: the application whose stores and tools it
/// works on, where it writes, where it reads answers, the process environment, and the clock its
/// time limits run on.
///
/// ArgumentParser builds commands from their types, so the environment reaches them through a
/// task-local, ``current``: ``ToolOpsRootCommand/main(application:arguments:)`` and
/// ``ToolOpsRootCommand/run(_:in:)`` bind it around parsing and running.
///
/// ```swift
/// let output = CapturedOutput()
/// let environment = CommandEnvironment(application: MyApp(), output: output)
/// try await ToolOpsRootCommand.run(["stats", "--json"], in: environment)
/// ```
public struct CommandEnvironment: Sendable {
    /// The application that builds the runtime (stores and tools) the commands work on.
    public var application: any ToolOpsApplication
    /// Where results and diagnostics go.
    public var output: any CommandOutput
    /// Where confirmations are read.
    public var input: any CommandInput
    /// The environment variables the configuration is read with (`TOOLOPS_CONFIG`, overrides).
    public var variables: [String: String]
    /// What the commands' time limits (`doctor --timeout`, a store that does not answer, shutting
    /// the stores down) sleep on, and what `doctor` times its checks with. Tests pass a
    /// `ManualClock` so that a timeout takes no real time.
    public var clock: any ToolClock

    /// An environment; by default the plain `toolops` one: the configuration file's stores, the
    /// process's streams and environment variables, real time.
    public init(
        application: any ToolOpsApplication = ConfiguredApplication(),
        output: any CommandOutput = StandardOutput(),
        input: any CommandInput = StandardInput(),
        variables: [String: String] = ProcessInfo.processInfo.environment,
        clock: any ToolClock = SystemClock()
    ) {
        self.application = application
        self.output = output
        self.input = input
        self.variables = variables
        self.clock = clock
    }

    /// The environment of the command running in this task.
    @TaskLocal public static var current = CommandEnvironment()
}

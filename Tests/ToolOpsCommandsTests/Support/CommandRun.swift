import ArgumentParser
import Synchronization
import ToolOps
import ToolOpsCommands

/// Lines to read (answers to confirmation prompts, texts to embed), one per `readLine()`, and
/// whether a person is there to give them.
final class ScriptedInput: CommandInput {
    let isInteractive: Bool
    private let answers: Mutex<ArraySlice<String>>

    init(isInteractive: Bool, answers: [String] = []) {
        self.isInteractive = isInteractive
        self.answers = Mutex(answers[...])
    }

    func readLine() -> String? { answers.withLock { $0.popFirst() } }
}

/// What one run of a command wrote, and how it ended.
struct CommandRun {
    let standardOutput: String
    let standardError: String
    let error: (any Error)?

    /// The exit status `toolops` would end with.
    var exitCode: Int32 { error.map { ToolOpsRootCommand.exitCode(for: $0).rawValue } ?? 0 }

    /// What `toolops` would print for the error, as ArgumentParser prints it.
    var errorMessage: String { error.map { ToolOpsRootCommand.message(for: $0) } ?? "" }

    /// Runs `arguments` in-process against `application`, as its `toolops` would; time limits
    /// run on `clock`.
    static func run(
        _ arguments: [String], application: any ToolOpsApplication,
        input: any CommandInput = ScriptedInput(isInteractive: false), clock: any ToolClock = SystemClock()
    ) async -> CommandRun {
        let output = CapturedOutput()
        let environment = CommandEnvironment(
            application: application, output: output, input: input, variables: [:], clock: clock)
        do {
            try await ToolOpsRootCommand.run(arguments, in: environment)
            return CommandRun(standardOutput: output.standardOutput, standardError: output.standardError, error: nil)
        } catch {
            return CommandRun(standardOutput: output.standardOutput, standardError: output.standardError, error: error)
        }
    }
}

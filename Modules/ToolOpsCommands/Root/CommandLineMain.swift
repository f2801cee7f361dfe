import ArgumentParser

/// The `main` of a `toolops` executable: parse, run, and report how it ended the way the
/// commands promise — help on standard output with status 0, and any mistake or failure as
/// **one line** on standard error (`Error: …`) with a non-zero status (64 for a usage mistake).
///
/// ArgumentParser's own `main` prints a usage mistake as three or four lines (the error, a
/// `Help:` line, `Usage:` and `See '… --help'`); an operator reading a CI log or a script reading
/// stderr wants the one line that says what was wrong.
///
/// ```swift
/// @main
/// struct MyTool: AsyncParsableCommand {
///     static let configuration = CommandConfiguration(subcommands: ToolOpsRootCommand.operatorCommands)
///
///     static func main() async {
///         let status = await CommandLineMain.run(Self.self, arguments: nil, in: CommandEnvironment())
///         Self.exit(withError: status)
///     }
/// }
/// ```
public enum CommandLineMain {
    /// Parses `arguments` (the process's when `nil`) as `root` and its subcommands, runs the
    /// command they name with `environment` bound, and writes what ``report(_:of:to:)`` writes
    /// for an error; returns the exit status.
    public static func run(
        _ root: any ParsableCommand.Type, arguments: [String]?, in environment: CommandEnvironment
    ) async -> ExitCode {
        await CommandEnvironment.$current.withValue(environment) {
            do {
                var command = try root.parseAsRoot(arguments)
                if var command = command as? any AsyncParsableCommand {
                    try await command.run()
                } else {
                    try command.run()
                }
                return .success
            } catch {
                return report(error, of: root, to: environment.output)
            }
        }
    }

    /// Writes how `error` ends a command of `root`, and returns the exit status.
    ///
    /// A help or version request (`--help`, `help`, a group run without a subcommand) prints
    /// the help on standard output: status 0. An `ExitCode` prints nothing (the command said what
    /// it had to). Anything else prints `Error: ` and the first line of
    /// `root.message(for: error)`, trimmed, on standard error, with `root.exitCode(for: error)`:
    /// 64 for a usage mistake, 1 for a failure.
    @discardableResult
    public static func report(
        _ error: any Error, of root: any ParsableCommand.Type, to output: any CommandOutput
    )
        -> ExitCode
    {
        let status = root.exitCode(for: error)
        if status == .success {
            // Help and version requests; an `ExitCode.success` has no text.
            let text = root.fullMessage(for: error)
            if !text.isEmpty { output.line(text) }
            return status
        }
        let message = firstLine(of: root.message(for: error))
        if !message.isEmpty { output.diagnostic("Error: " + message) }
        return status
    }

    /// The first non-empty line of `text`, without surrounding whitespace.
    static func firstLine(of text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .lazy
            .map { String($0.trimmingPrefix(while: \.isWhitespace)).trimmingSuffix(while: \.isWhitespace) }
            .first { !$0.isEmpty } ?? ""
    }
}

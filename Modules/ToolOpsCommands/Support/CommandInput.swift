#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a command reads: the operator's confirmation of a destructive action, or the lines of
/// text it works on.
///
/// `toolops clear` asks on a terminal and refuses without one (unless `--yes`), so a script never
/// clears a store because it happened to have something on its standard input. `toolops embed`
/// reads every line, to the end of the input.
public protocol CommandInput: Sendable {
    /// Whether a person can answer: standard input and standard error are terminals.
    var isInteractive: Bool { get }
    /// Reads the next line, without its newline (`\n` or `\r\n`); `nil` at the end of the input.
    func readLine() -> String?
}

/// The process's standard input, interactive when it and standard error are terminals.
public struct StandardInput: CommandInput {
    /// The process's standard input.
    public init() {}

    /// Whether standard input and standard error are both terminals.
    public var isInteractive: Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1
    }

    /// A line read from standard input.
    public func readLine() -> String? {
        Swift.readLine(strippingNewline: true)
    }
}

/// A configuration mistake: the file, the line, the key and what is wrong — one line of text.
///
/// ```swift
/// do {
///     _ = try ToolOpsConfiguration.load(path: "toolops.yaml")
/// } catch {
///     print(error)
///     // toolops.yaml:12: stores.shared.urll: unknown key 'urll'; did you mean 'url'?
/// }
/// ```
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the mistake is in; `nil` when it comes from an environment variable or from code.
    public var file: String?
    /// The dotted key (`stores.shared.url`), or the environment variable's name
    /// (`TOOLOPS_LOG_LEVEL`) when the value came from one; `nil` for the file as a whole.
    public var key: String?
    /// The line in ``file``, from 1.
    public var line: Int?
    /// The column in ``line``, from 1; given for YAML syntax errors.
    public var column: Int?
    /// What is wrong and, where it helps, what to write instead. Passwords are masked.
    public var message: String

    /// A mistake; line breaks in `message` become spaces, so ``description`` stays one line.
    public init(file: String? = nil, key: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.key = key
        self.line = line
        self.column = column
        self.message = message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// One line: `toolops.yaml:12: stores.shared.url: …` (`file:line:column:` for syntax errors).
    public var description: String {
        var prefix = ""
        if let file {
            prefix += file
            if let line {
                prefix += ":\(line)"
                if let column { prefix += ":\(column)" }
            }
            prefix += ": "
        }
        if let key { prefix += key + ": " }
        return prefix + message
    }
}

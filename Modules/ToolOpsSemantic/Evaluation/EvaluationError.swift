/// A dataset file that cannot be read or parsed.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// The 1-based line at fault, when one is.
    public var line: Int?
    /// What is wrong.
    public var message: String

    /// An error about `file` (at `line`).
    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`.
    public var description: String { "\(file)\(line.map { ":\($0)" } ?? ""): \(message)" }
}

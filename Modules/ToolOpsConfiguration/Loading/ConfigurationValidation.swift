/// The outcome of checking a configuration: every problem found, and the configuration when
/// there were none. What `toolops config check` prints.
///
/// ```swift
/// let validation = ToolOpsConfiguration.validate()
/// for problem in validation.problems { print(problem) }
/// ```
public struct ConfigurationValidation: Sendable, Equatable {
    /// The file checked, as named in messages; `nil` when no file was found (built-in defaults).
    public var source: String?
    /// The configuration, environment overrides applied; `nil` when there are ``problems``.
    public var configuration: ToolOpsConfiguration?
    /// Every mistake, in file order, then those in environment variables.
    public var problems: [ConfigurationError]
    /// The `TOOLOPS_*` variables that overrode or added settings, in the order applied.
    public var environmentOverrides: [String]

    /// A validation result.
    public init(
        source: String?, configuration: ToolOpsConfiguration?, problems: [ConfigurationError],
        environmentOverrides: [String] = []
    ) {
        self.source = source
        self.configuration = configuration
        self.problems = problems
        self.environmentOverrides = environmentOverrides
    }

    /// Whether no problem was found.
    public var isValid: Bool { problems.isEmpty }

    /// The configuration, or the first problem.
    public func get() throws(ConfigurationError) -> ToolOpsConfiguration {
        if let first = problems.first { throw first }
        guard let configuration else { throw ConfigurationError(file: source, message: "no configuration") }
        return configuration
    }
}

/// Why a ``ToolRegistry`` refused a registration or a lookup.
///
/// ```swift
/// catch let error as ToolRegistryError where error.code == .unknownTool {
///     print(error.suggestion ?? "no close name")   // "get_weather"
/// }
/// ```
public struct ToolRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unknownTool, duplicateName, nameMismatch
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No tool is registered under the name.
        public static let unknownTool = Code(.unknownTool)
        /// A tool is already registered under the name.
        public static let duplicateName = Code(.duplicateName)
        /// The definition's name differs from the tool's descriptor name.
        public static let nameMismatch = Code(.nameMismatch)

        /// The code's name ("unknownTool", …).
        public var description: String { base.rawValue }
    }

    /// What kind of problem this is.
    public let code: Code
    /// The tool name the problem is about.
    public let name: String
    /// The registered name closest to ``name``, for an unknown tool.
    public let suggestion: String?
    /// What went wrong and what to do, in words.
    public let message: String

    public var description: String { message }

    static func unknownTool(_ name: String, suggestion: String?) -> ToolRegistryError {
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        return ToolRegistryError(
            code: .unknownTool, name: name, suggestion: suggestion, message: "unknown tool '\(name)'\(hint)")
    }

    static func duplicateName(_ name: String) -> ToolRegistryError {
        ToolRegistryError(
            code: .duplicateName, name: name, suggestion: nil,
            message: "a tool named '\(name)' is already registered; give each tool a unique name")
    }

    static func nameMismatch(definition: String, tool: String) -> ToolRegistryError {
        ToolRegistryError(
            code: .nameMismatch, name: definition, suggestion: nil,
            message: "definition '\(definition)' does not describe tool '\(tool)'; use the tool's own descriptor")
    }
}

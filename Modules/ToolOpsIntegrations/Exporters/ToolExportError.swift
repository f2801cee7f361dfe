/// Why a tool definition could not be exported to a provider's format.
///
/// The message names the tool, the format, the rule that failed and, for schema problems, where in
/// the schema (a JSON Pointer such as `/properties/created`), and says what to change.
///
/// ```swift
/// do { _ = try ToolExporter.export(definition, as: .gemini) }
/// catch where error.code == .invalidName { print(error) }
/// ```
public struct ToolExportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidName, duplicateName, invalidSchema, unsupportedSchema
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The tool's name breaks the format's naming rule (length or characters).
        public static let invalidName = Code(.invalidName)
        /// Two tools exported together share a name.
        public static let duplicateName = Code(.duplicateName)
        /// The schema is not what the format requires (for example, the input is not an object schema).
        public static let invalidSchema = Code(.invalidSchema)
        /// The schema uses a construct the format cannot express; the message says which and where.
        public static let unsupportedSchema = Code(.unsupportedSchema)

        /// The code's name ("invalidName", …).
        public var description: String { base.rawValue }
    }

    /// What kind of problem this is.
    public var code: Code
    /// The format the export was for.
    public var format: ToolFormat
    /// The tool's declared name.
    public var tool: String
    /// Where in the schema the problem is, as a JSON Pointer (`""` is the root); `nil` for name problems.
    public var schemaPath: String?
    /// What is wrong and what to do, in words.
    public var message: String

    /// Creates an error; exporters build these, callers usually only read them.
    public init(code: Code, format: ToolFormat, tool: String, schemaPath: String? = nil, message: String) {
        self.code = code
        self.format = format
        self.tool = tool
        self.schemaPath = schemaPath
        self.message = message
    }

    /// One line: format, tool, code, where, and the message.
    public var description: String {
        let location = schemaPath.map { " at schema path '\($0.isEmpty ? "/" : $0)'" } ?? ""
        return "\(format) export of tool '\(tool)': \(code)\(location): \(message)"
    }
}

/// The error thrown when a Swift type cannot be described as a JSON Schema.
///
/// The message names the type and the field path (`created.start`) and says what to change.
///
/// ```swift
/// do { _ = try JSONSchema.for(Lookup.self) }
/// catch let error where error.code == .unsupportedType { print(error) }
/// ```
public struct SchemaError: Error, Sendable, CustomStringConvertible {
    /// What kind of problem this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unsupportedType, enumNotCaseIterable, recursiveType, undecodable, invalidExample
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A shape JSON Schema generation does not support, such as a dictionary whose keys are
        /// not strings or an enum whose raw values are neither strings nor numbers.
        public static let unsupportedType = Code(.unsupportedType)
        /// A raw-value enum that is not `CaseIterable`, so its values cannot be listed.
        public static let enumNotCaseIterable = Code(.enumNotCaseIterable)
        /// A type that contains itself other than through an `Optional`, `Array` or `Dictionary`.
        public static let recursiveType = Code(.recursiveType)
        /// The type's `init(from:)` failed on the placeholder values the schema decoder supplies,
        /// or asked for something that decoder cannot follow.
        public static let undecodable = Code(.undecodable)
        /// The type's ``SchemaDescribed/schemaExample`` could not be encoded.
        public static let invalidExample = Code(.invalidExample)

        /// The code's name ("unsupportedType", …).
        public var description: String { base.rawValue }
    }

    /// What kind of problem this is.
    public var code: Code
    /// The Swift type being described when the problem was found.
    public var typeName: String
    /// The dotted path of the field, from the root type (`created.start`); empty for the root.
    public var path: String
    /// What went wrong and what to do about it.
    public var message: String

    /// Creates an error.
    public init(code: Code, typeName: String, path: String, message: String) {
        self.code = code
        self.typeName = typeName
        self.path = path
        self.message = message
    }

    /// One line: the type, the field path and the message.
    public var description: String {
        let location = path.isEmpty ? typeName : "\(typeName) at '\(path)'"
        return "Cannot generate a JSON Schema for \(location): \(message)"
    }
}

import ToolOpsCore

/// The description and constraints a `@Field` declares for one property.
///
/// Constraints map one-to-one to JSON Schema keywords; `nil` means "not declared".
public struct FieldMetadata: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The field's description (`description`).
    public var description: String?
    /// The smallest allowed number (`minimum`).
    public var minimum: Double?
    /// The largest allowed number (`maximum`).
    public var maximum: Double?
    /// The shortest allowed string (`minLength`).
    public var minLength: Int?
    /// The longest allowed string (`maxLength`).
    public var maxLength: Int?
    /// A regular expression the string must match (`pattern`).
    public var pattern: String?
    /// The fewest allowed array elements (`minItems`).
    public var minItems: Int?
    /// The most allowed array elements (`maxItems`).
    public var maxItems: Int?

    /// Creates metadata; every part is optional.
    public init(
        description: String? = nil, minimum: Double? = nil, maximum: Double? = nil, minLength: Int? = nil,
        maxLength: Int? = nil, pattern: String? = nil, minItems: Int? = nil, maxItems: Int? = nil
    ) {
        self.description = description
        self.minimum = minimum
        self.maximum = maximum
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.minItems = minItems
        self.maxItems = maxItems
    }

    /// A description alone.
    public init(stringLiteral description: String) {
        self.init(description: description)
    }

    /// The constraint keywords (not the description), as schema members.
    var constraintMembers: [String: JSONValue] {
        var members: [String: JSONValue] = [:]
        if let minimum { members["minimum"] = .number(minimum) }
        if let maximum { members["maximum"] = .number(maximum) }
        if let minLength { members["minLength"] = .int(Int64(minLength)) }
        if let maxLength { members["maxLength"] = .int(Int64(maxLength)) }
        if let pattern { members["pattern"] = .string(pattern) }
        if let minItems { members["minItems"] = .int(Int64(minItems)) }
        if let maxItems { members["maxItems"] = .int(Int64(maxItems)) }
        return members
    }
}

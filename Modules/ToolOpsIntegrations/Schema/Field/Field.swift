/// Declares a property's description and constraints next to the property, for its JSON Schema.
///
/// The wrapper is transparent to `Codable`: the property encodes and decodes exactly as its
/// wrapped value, under the same key, and an `Optional` field whose key is missing decodes as
/// `nil` — so tool arguments are unchanged by adding it. The annotations reach the schema through
/// the type's ``SchemaDescribed/schemaExample`` (a wrapper's arguments exist only on an instance).
///
/// Swift lets a wrapper with arguments omit the initial value only if it can be built without one,
/// so give a required field a placeholder (`= ""`). It stays required: synthesized `Decodable`
/// still demands the key. To make a field optional with a default, decode it with
/// `decodeIfPresent(…) ?? default` in `init(from:)` (or make it `Optional`).
///
/// ```swift
/// struct SearchTickets: Codable, Sendable, SchemaDescribed {
///     @Field("Full-text query", minLength: 1) var query: String = ""
///     @Field("Maximum results", minimum: 1, maximum: 100) var limit: Int = 10
///     static var schemaExample: SearchTickets? { SearchTickets() }
/// }
/// ```
@propertyWrapper
public struct Field<Value> {
    /// The property's value.
    public var wrappedValue: Value
    /// The description and constraints declared for the property.
    public let metadata: FieldMetadata

    /// Wraps a value with a description and constraints.
    public init(
        wrappedValue: Value, _ description: String? = nil, minimum: Double? = nil, maximum: Double? = nil,
        minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, minItems: Int? = nil,
        maxItems: Int? = nil
    ) {
        self.wrappedValue = wrappedValue
        self.metadata = FieldMetadata(
            description: description, minimum: minimum, maximum: maximum, minLength: minLength,
            maxLength: maxLength, pattern: pattern, minItems: minItems, maxItems: maxItems)
    }

    /// Wraps a value with metadata built elsewhere (decoded values carry none).
    public init(wrappedValue: Value, metadata: FieldMetadata) {
        self.wrappedValue = wrappedValue
        self.metadata = metadata
    }
}

extension Field: Sendable where Value: Sendable {}

// Equality is the wrapped value's: annotations are declarations, not data.
extension Field: Equatable where Value: Equatable {
    /// Whether the wrapped values are equal.
    public static func == (lhs: Field, rhs: Field) -> Bool { lhs.wrappedValue == rhs.wrappedValue }
}

extension Field: Hashable where Value: Hashable {
    /// Hashes the wrapped value.
    public func hash(into hasher: inout Hasher) { hasher.combine(wrappedValue) }
}

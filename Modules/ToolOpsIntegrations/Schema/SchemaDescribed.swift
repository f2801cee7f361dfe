/// A type that adds descriptions, and through an example instance defaults and `@Field`
/// annotations, to the JSON Schema generated from it.
///
/// Every requirement has a default, so conform with only what you need. The schema decoder sees a
/// type's structure but never an instance, and a property wrapper's arguments exist only on an
/// instance: `@Field` descriptions and constraints, and default values, are read from
/// ``schemaExample``. Without one, a type's schema has no defaults and no `@Field` annotations
/// (``schemaFields`` still apply).
///
/// ```swift
/// extension SearchTickets: SchemaDescribed {
///     static var schemaDescription: String? { "Search the ticket tracker." }
///     static var schemaExample: SearchTickets? { SearchTickets(query: "", minScore: 0) }
/// }
/// ```
public protocol SchemaDescribed {
    /// The type's description, emitted as the schema's `description`. Default: none.
    static var schemaDescription: String? { get }

    /// Descriptions and constraints of fields, keyed by JSON key (the coding key, not the property
    /// name); a string literal is a description alone.
    ///
    /// An alternative to `@Field` for types you cannot annotate; a field's `@Field` wins.
    /// Default: none.
    ///
    /// ```swift
    /// static var schemaFields: [String: FieldMetadata] {
    ///     ["city": "City name", "days": FieldMetadata(description: "Days ahead", minimum: 1)]
    /// }
    /// ```
    static var schemaFields: [String: FieldMetadata] { get }

    /// An instance whose values are the defaults of the optional fields, and whose `@Field`
    /// wrappers carry descriptions and constraints. Must be `Encodable` to be used. Default: none.
    static var schemaExample: Self? { get }
}

extension SchemaDescribed {
    /// No description.
    public static var schemaDescription: String? { nil }
    /// No field annotations.
    public static var schemaFields: [String: FieldMetadata] { [:] }
    /// No example.
    public static var schemaExample: Self? { nil }
}

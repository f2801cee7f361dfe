/// A type that adds descriptions, and through an example instance defaults and `@Field`
/// annotations, to the JSON Schema generated from it.
///
/// Every requirement has a default, so conform with only what you need. The schema decoder sees a
/// type's structure but never an instance, and a property wrapper's arguments exist only on an
/// instance: `@Field` descriptions and constraints, and default values, are read from
/// ``schemaExample``. Without one, a type's schema has no defaults and no `@Field` annotations
/// (``fieldDescriptions`` still apply).
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

    /// Descriptions of fields keyed by their JSON key (the coding key, not the property name).
    ///
    /// An alternative to `@Field` for types you cannot annotate; a `@Field` description wins.
    /// Default: none.
    static var fieldDescriptions: [String: String] { get }

    /// An instance whose values are the defaults of the optional fields, and whose `@Field`
    /// wrappers carry descriptions and constraints. Must be `Encodable` to be used. Default: none.
    static var schemaExample: Self? { get }
}

extension SchemaDescribed {
    /// No description.
    public static var schemaDescription: String? { nil }
    /// No field descriptions.
    public static var fieldDescriptions: [String: String] { [:] }
    /// No example.
    public static var schemaExample: Self? { nil }
}

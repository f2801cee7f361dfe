/// Field paths as the schema generator compares them: coding keys' string values, with every
/// array position collapsed to `[]` (an array's elements share one schema).
enum SchemaPath {
    /// The component standing for "any element of the array".
    static let items = "[]"

    /// The components of `codingPath`.
    static func components(_ codingPath: [any CodingKey]) -> [String] {
        codingPath.map { key in
            if key is ItemsKey { return items }
            if let index = key.intValue, key.stringValue == String(index) { return items }
            return key.stringValue
        }
    }

    /// `codingPath` as one dotted string (`created.start`, `tags.[]`).
    static func normalized(_ codingPath: [any CodingKey]) -> String {
        components(codingPath).joined(separator: ".")
    }
}

/// The coding key of an array's element schema.
struct ItemsKey: CodingKey {
    var stringValue: String { SchemaPath.items }
    var intValue: Int? { 0 }
    init() {}
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}

/// A coding key with any name (for `superDecoder()`).
struct NamedSchemaKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

import ToolOpsCore

/// One schema generation: decodes a type once with placeholder values, recording its structure.
///
/// Recursive types terminate: a type met again inside itself is described as `{}` (any value),
/// since the schemas are inlined for providers that reject `$ref`. Only an `Optional`, `Array` or
/// `Dictionary` can hold such a reference (they have an empty placeholder); a direct one throws.
final class SchemaCapture {
    /// A type's schema and a placeholder of that type (`nil` for a recursive reference).
    struct Captured<T> {
        var schema: JSONValue
        var value: T?
    }

    let rootTypeName: String
    /// The types being decoded, outermost first (to spot recursion).
    var stack: [ObjectIdentifier] = []
    private var scopes: [MetadataScope] = []
    /// The first error, kept even if a type's `init(from:)` swallows it with `try?`.
    private(set) var failure: SchemaError?

    init(root: Any.Type) {
        rootTypeName = String(reflecting: root)
    }

    /// Records `error` as the generation's outcome (unless one came earlier) and returns it.
    func fail(_ code: SchemaError.Code, at path: [any CodingKey], _ message: String) -> SchemaError {
        let error = SchemaError(
            code: code, typeName: rootTypeName, path: SchemaPath.normalized(path), message: message)
        if failure == nil { failure = error }
        return failure!
    }

    func pushScope(_ scope: MetadataScope) { scopes.append(scope) }

    func popScope() { scopes.removeLast() }

    /// The schema of `type` alone, for element and wrapped types known only as existentials.
    func schema<T: Decodable>(of type: T.Type, at path: [any CodingKey]) throws -> JSONValue {
        try capture(type, at: path).schema
    }

    func capture<T: Decodable>(_ type: T.Type, at path: [any CodingKey]) throws -> Captured<T> {
        if let builtin = BuiltinSchema.lookup(T.self) {
            return Captured(schema: builtin.schema, value: builtin.placeholder as? T)
        }
        if let optional = T.self as? any OptionalSchemaMarker.Type {
            let wrapped = try schema(of: optional.wrappedType, at: path)
            return Captured(schema: ["anyOf": [wrapped, ["type": "null"]]], value: optional.schemaNone as? T)
        }
        if let array = T.self as? any ArraySchemaMarker.Type {
            let items = try schema(of: array.elementType, at: path + [ItemsKey()])
            return Captured(schema: ["type": "array", "items": items], value: array.schemaEmpty as? T)
        }
        if let dictionary = T.self as? any StringKeyedDictionaryMarker.Type {
            let values = try schema(of: dictionary.valueType, at: path + [ItemsKey()])
            return Captured(
                schema: ["type": "object", "additionalProperties": values], value: dictionary.schemaEmpty as? T)
        }
        if let dictionary = T.self as? any DictionarySchemaMarker.Type {
            throw fail(
                .unsupportedType, at: path,
                "\(String(reflecting: T.self)) has \(dictionary.keyTypeName) keys, but JSON object keys are "
                    + "strings; use a dictionary keyed by String, or an array of key-value structs")
        }
        if let enumeration = T.self as? any (CaseIterable & RawRepresentable).Type {
            return try captureEnum(enumeration, as: T.self, at: path)
        }
        return try captureStructure(T.self, at: path)
    }

    /// The annotations for the field at `path`, from the innermost types that declare them.
    func annotations(at path: [any CodingKey]) -> FieldAnnotations {
        let components = SchemaPath.components(path)
        var annotations = FieldAnnotations()
        var exampleFound = false
        for scope in scopes.reversed() where components.count > scope.depth {
            let relative = components[scope.depth...]
            if annotations.metadata == nil {
                annotations.metadata = scope.fields[relative.joined(separator: ".")]
            }
            if annotations.metadata == nil, relative.count == 1 {
                annotations.metadata = scope.listed[relative.first!]
            }
            if !exampleFound, let example = scope.example {
                annotations.exampleValue = example.value(at: relative)
                exampleFound = true
            }
        }
        return annotations
    }
}

import ToolOpsCore

/// What is known about one property beyond its type: its `@Field` metadata or else its entry in
/// ``SchemaDescribed/schemaFields``, and the example instance's value.
struct FieldAnnotations {
    var metadata: FieldMetadata?
    /// The example's value at this field; `nil` when there is no example or it leaves the key out.
    var exampleValue: JSONValue?

    /// `schema` with constraints, description and default added.
    ///
    /// A field the type may omit gets a default: the example's value, or else `null` with the
    /// schema made nullable (`anyOf` with `{"type": "null"}`) — what pydantic and LangChain emit
    /// for `Optional[T] = None`.
    func apply(to schema: JSONValue, required: Bool) -> JSONValue {
        var base = schema.objectValue ?? [:]
        for (keyword, value) in metadata?.constraintMembers ?? [:] { base[keyword] = value }
        var result: [String: JSONValue]
        if required {
            result = base
        } else if let exampleValue, exampleValue != .null {
            result = base
            result["default"] = exampleValue
        } else {
            result = ["anyOf": [.object(base), ["type": "null"]], "default": .null]
        }
        if let description = metadata?.description { result["description"] = .string(description) }
        return .object(result)
    }
}

/// The annotations of one type with ``SchemaDescribed``, for the fields below the path where it
/// was met.
struct MetadataScope {
    /// How many path components lead to the type.
    var depth: Int
    /// `@Field` metadata by relative path, then ``SchemaDescribed/schemaFields`` by key.
    var fields: [String: FieldMetadata]
    var listed: [String: FieldMetadata]
    var example: JSONValue?
}

extension JSONValue {
    /// The value at `components` (object keys, `[]` for an array's first element).
    func value(at components: ArraySlice<String>) -> JSONValue? {
        guard let first = components.first else { return self }
        let next: JSONValue?
        if first == SchemaPath.items {
            next = arrayValue?.first
        } else {
            next = self[first]
        }
        return next?.value(at: components.dropFirst())
    }
}

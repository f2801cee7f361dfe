import ToolOpsCore

/// Visits the subschemas of a JSON Schema node: the keywords whose values are schemas, arrays of
/// schemas or maps of schemas (draft 2020-12). Rewriters use it to recurse without knowing every keyword.
enum JSONSchemaTraversal {
    /// Keywords whose value is a map from names to schemas.
    static let schemaMaps = ["properties", "$defs", "definitions", "patternProperties", "dependentSchemas"]
    /// Keywords whose value is an array of schemas.
    static let schemaArrays = ["anyOf", "oneOf", "allOf", "prefixItems"]
    /// Keywords whose value is a single schema.
    static let singleSchemas = [
        "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
        "unevaluatedProperties", "unevaluatedItems",
    ]

    /// Returns `node` with `transform` applied to each immediate subschema, passing each one's JSON Pointer.
    static func mapSubschemas(
        of node: [String: JSONValue],
        at path: String,
        _ transform: (JSONValue, String) throws(ToolExportError) -> JSONValue
    ) throws(ToolExportError) -> [String: JSONValue] {
        var result = node
        for keyword in schemaMaps {
            guard case .object(let members)? = node[keyword] else { continue }
            var mapped: [String: JSONValue] = [:]
            for (name, schema) in members {
                mapped[name] = try transform(schema, "\(path)/\(keyword)/\(escape(name))")
            }
            result[keyword] = .object(mapped)
        }
        for keyword in schemaArrays {
            guard case .array(let elements)? = node[keyword] else { continue }
            var mapped: [JSONValue] = []
            for (index, schema) in elements.enumerated() {
                mapped.append(try transform(schema, "\(path)/\(keyword)/\(index)"))
            }
            result[keyword] = .array(mapped)
        }
        for keyword in singleSchemas {
            // `additionalProperties: false` and other boolean schemas have nothing inside to rewrite.
            guard let schema = node[keyword], case .object = schema else { continue }
            result[keyword] = try transform(schema, "\(path)/\(keyword)")
        }
        return result
    }

    /// Whether `schema` accepts `null`: `"type": "null"`, a type list with `"null"`, an `anyOf`/`oneOf`
    /// branch that does, or an `enum` containing `null`.
    static func acceptsNull(_ schema: JSONValue) -> Bool {
        guard case .object(let node) = schema else { return schema == .bool(true) }
        if node["type"] == "null" { return true }
        if case .array(let types)? = node["type"], types.contains("null") { return true }
        if case .array(let values)? = node["enum"], values.contains(.null) { return true }
        for keyword in ["anyOf", "oneOf"] {
            if case .array(let branches)? = node[keyword], branches.contains(where: acceptsNull) { return true }
        }
        return false
    }

    /// Whether `node` describes an object: `"type": "object"` (alone or in a list) or `properties`.
    static func isObject(_ node: [String: JSONValue]) -> Bool {
        if node["type"] == "object" || node["properties"] != nil { return true }
        if case .array(let types)? = node["type"] { return types.contains("object") }
        return false
    }

    /// The names in `required`, in order.
    static func required(_ node: [String: JSONValue]) -> [String] {
        node["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Escapes a name for use in a JSON Pointer (RFC 6901).
    static func escape(_ name: String) -> String {
        var escaped = ""
        for character in name {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

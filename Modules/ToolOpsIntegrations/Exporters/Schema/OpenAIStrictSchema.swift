import ToolOpsCore

/// Rewrites a JSON Schema for OpenAI Structured Outputs (`"strict": true`).
///
/// - Every object gets `"additionalProperties": false` and lists every property in `required`.
/// - A property that was optional and has no `default` and does not already accept `null` becomes
///   nullable (`anyOf` with `{"type": "null"}`, as pydantic and LangChain write it), so the model can
///   still leave it out by sending `null`. Optional properties with a `default` become required as
///   they are (LangChain does the same): the model must send a value.
/// - `default` is removed (OpenAI has answered "'default' is not permitted", and Azure OpenAI still
///   does) and a non-null value appended to the `description` as `(default: 10)`, so the model keeps
///   the hint.
/// - `oneOf` becomes `anyOf` (strict mode only has `anyOf`); exclusivity is no longer enforced.
/// - `format` is kept only for the formats strict mode accepts; others are removed.
/// - `allOf`, `not`, `if`/`then`/`else`, `dependentRequired`, `dependentSchemas`, `patternProperties`,
///   open or map-like objects (`additionalProperties` other than `false`, or no `properties` below
///   the root) cannot be expressed and throw ``ToolExportError/Code-swift.struct/unsupportedSchema``.
///
/// Keywords strict mode supports (`pattern`, `minimum`, `maxItems`, `enum`, `const`, `$defs`/`$ref`, …)
/// are kept. ToolOps still validates calls against the tool's original input schema.
struct OpenAIStrictSchema {
    /// The formats OpenAI strict mode documents as supported.
    static let supportedFormats: Set<String> = [
        "date-time", "time", "date", "duration", "email", "hostname", "ipv4", "ipv6", "uuid",
    ]
    static let refusedKeywords = [
        "allOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas", "patternProperties",
    ]

    let format: ToolFormat
    let tool: String

    /// The strict form of `schema`, the root of a tool's parameters.
    func rewrite(_ schema: JSONValue) throws(ToolExportError) -> JSONValue {
        try rewriteNode(schema, at: "")
    }

    private func rewriteNode(_ schema: JSONValue, at path: String) throws(ToolExportError) -> JSONValue {
        guard case .object(var node) = schema else { return schema }
        if let keyword = Self.refusedKeywords.first(where: { node[$0] != nil }) {
            throw unsupported(
                path,
                "OpenAI strict mode does not support '\(keyword)'; simplify the schema or export with strict: false")
        }
        // A `null` default says nothing the nullable type does not already say.
        if let defaultValue = node.removeValue(forKey: "default"), defaultValue != .null {
            let note = "(default: \(defaultValue))"
            node["description"] = .string(node["description"]?.stringValue.map { "\($0) \(note)" } ?? note)
        }
        if let oneOf = node.removeValue(forKey: "oneOf") {
            guard node["anyOf"] == nil else {
                throw unsupported(
                    path, "a schema with both 'oneOf' and 'anyOf' cannot be expressed in OpenAI strict mode")
            }
            node["anyOf"] = oneOf
        }
        if let format = node["format"]?.stringValue, !Self.supportedFormats.contains(format) {
            node["format"] = nil
        }
        guard JSONSchemaTraversal.isObject(node) else {
            return .object(try JSONSchemaTraversal.mapSubschemas(of: node, at: path, rewriteNode))
        }
        return .object(try closeObject(node, at: path))
    }

    /// Closes an object schema: no extra properties, all properties required, optional ones nullable.
    private func closeObject(
        _ original: [String: JSONValue], at path: String
    ) throws(ToolExportError) -> [String: JSONValue] {
        if let extra = original["additionalProperties"], extra != .bool(false) {
            throw unsupported(
                path,
                "OpenAI strict mode needs closed objects, but this one allows additional properties (a dictionary?); give it fixed properties or export with strict: false"
            )
        }
        let properties = original["properties"]?.objectValue ?? [:]
        if properties.isEmpty && !path.isEmpty {
            throw unsupported(
                path,
                "OpenAI strict mode cannot express an object without declared properties; give it fixed properties or export with strict: false"
            )
        }
        var node = try JSONSchemaTraversal.mapSubschemas(of: original, at: path, rewriteNode)
        let required = JSONSchemaTraversal.required(original)
        var closed = node["properties"]?.objectValue ?? [:]
        for (name, schema) in properties where !required.contains(name) {
            if schema["default"] == nil && !JSONSchemaTraversal.acceptsNull(schema), let strict = closed[name] {
                closed[name] = Self.nullable(strict)
            }
        }
        node["properties"] = .object(closed)
        let added = properties.keys.filter { !required.contains($0) }.sorted()
        node["required"] = .array((required + added).map(JSONValue.string))
        node["additionalProperties"] = false
        return node
    }

    /// `schema` or `null`, written as pydantic writes it: annotations stay outside the `anyOf`.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        guard case .object(var node) = schema else { return schema }
        var outer: [String: JSONValue] = [:]
        for keyword in ["description", "title"] {
            outer[keyword] = node.removeValue(forKey: keyword)
        }
        outer["anyOf"] = [.object(node), ["type": "null"]]
        return .object(outer)
    }

    private func unsupported(_ path: String, _ message: String) -> ToolExportError {
        ToolExportError(code: .unsupportedSchema, format: format, tool: tool, schemaPath: path, message: message)
    }
}

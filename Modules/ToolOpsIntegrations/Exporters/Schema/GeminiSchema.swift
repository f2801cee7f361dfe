import ToolOpsCore

/// Rewrites a JSON Schema into the OpenAPI 3.0 subset Gemini accepts for function `parameters`.
///
/// Gemini answers 400 to any field it does not know, so the result keeps only Gemini's fields:
/// - `$ref` to `#/$defs/…` (or `#/definitions/…`) is inlined; a recursive reference throws, since
///   Gemini's `parameters` cannot refer to itself. `$defs` is then dropped.
/// - `null` becomes `"nullable": true`: a `"null"` in a `type` list, or a `{"type": "null"}` branch of
///   `anyOf`/`oneOf` (a single remaining branch is merged into the schema).
/// - `oneOf` becomes `anyOf`; `const` becomes a one-value `enum`; a one-element `allOf` is merged (a
///   longer one throws: Gemini has no intersection).
/// - `format` is kept only where Gemini supports it (`date-time` and `enum` on strings; `float`,
///   `double`, `int32`, `int64` on numbers).
/// - Everything else is dropped, notably `additionalProperties` (Gemini objects are neither closed
///   nor maps), `$schema`, `$id`, `exclusiveMinimum`, `multipleOf`, `uniqueItems`, `examples`. This only
///   loosens what the model is told: ToolOps validates calls against the original schema.
struct GeminiSchema {
    static let keptKeywords: Set<String> = [
        "type", "format", "title", "description", "nullable", "enum", "maxItems", "minItems", "properties",
        "required", "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "anyOf",
        "propertyOrdering", "default", "items", "minimum", "maximum",
    ]
    static let keptFormats: [String: Set<String>] = [
        "string": ["date-time", "enum"], "number": ["float", "double"], "integer": ["int32", "int64"],
    ]

    let format: ToolFormat
    let tool: String
    let definitions: [String: JSONValue]

    init(format: ToolFormat, tool: String, root: JSONValue) {
        self.format = format
        self.tool = tool
        self.definitions = (root["$defs"] ?? root["definitions"])?.objectValue ?? [:]
    }

    /// The Gemini form of `schema`, the root of a tool's parameters.
    func rewrite(_ schema: JSONValue) throws(ToolExportError) -> JSONValue {
        try rewrite(schema, at: "", expanding: [])
    }

    private func rewrite(_ schema: JSONValue, at path: String, expanding: [String]) throws(ToolExportError) -> JSONValue
    {
        guard case .object(var node) = schema else { return [:] }  // `true`: any value
        var expanding = expanding
        if let reference = node.removeValue(forKey: "$ref")?.stringValue {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = definitions[name]?.objectValue else {
                throw failure(.invalidSchema, path, "'$ref' \(reference) does not name an entry of '$defs'")
            }
            guard !expanding.contains(name) else {
                throw failure(
                    .unsupportedSchema, path, "'\(name)' refers to itself; Gemini cannot express recursive schemas")
            }
            expanding.append(name)
            node = target.merging(node) { _, sibling in sibling }  // siblings such as `description` win
        }
        if let allOf = node.removeValue(forKey: "allOf")?.arrayValue {
            guard allOf.count == 1, let only = allOf[0].objectValue else {
                throw failure(
                    .unsupportedSchema, path,
                    "Gemini cannot express 'allOf' with \(allOf.count) schemas; merge them into one")
            }
            node = only.merging(node) { _, outer in outer }
        }
        if let oneOf = node.removeValue(forKey: "oneOf") { node["anyOf"] = oneOf }
        if let constant = node.removeValue(forKey: "const") { node["enum"] = [constant] }
        if case .array(let types)? = node["type"] {
            let nonNull = types.filter { $0 != "null" }
            if nonNull.count < types.count { node["nullable"] = true }
            node["type"] = nonNull.count == 1 ? nonNull[0] : nil
            if nonNull.count > 1 { node["anyOf"] = .array(nonNull.map { ["type": $0] }) }
        }
        if case .array(let branches)? = node["anyOf"] {
            let nonNull = branches.filter { $0 != ["type": "null"] }
            if nonNull.count < branches.count { node["nullable"] = true }
            node["anyOf"] = .array(nonNull)
            if nonNull.count == 1, let only = nonNull[0].objectValue {
                node["anyOf"] = nil
                node = only.merging(node) { _, outer in outer }
                return try rewrite(.object(node), at: path, expanding: expanding)
            }
        }
        if let kept = node["format"]?.stringValue, let type = node["type"]?.stringValue,
            !(Self.keptFormats[type]?.contains(kept) ?? false)
        {
            node["format"] = nil
        }
        node = node.filter { Self.keptKeywords.contains($0.key) }
        let recurse = { (schema: JSONValue, path: String) throws(ToolExportError) -> JSONValue in
            try rewrite(schema, at: path, expanding: expanding)
        }
        return .object(try JSONSchemaTraversal.mapSubschemas(of: node, at: path, recurse))
    }

    private func failure(_ code: ToolExportError.Code, _ path: String, _ message: String) -> ToolExportError {
        ToolExportError(code: code, format: format, tool: tool, schemaPath: path, message: message)
    }
}

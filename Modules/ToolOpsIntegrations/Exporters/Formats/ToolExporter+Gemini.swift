import ToolOpsCore

/// The Gemini function-declaration shape.
extension ToolExporter {
    /// `{"name", "description", "parameters"?}`, with the schema rewritten by ``GeminiSchema``.
    ///
    /// A tool without arguments has no `parameters`: Gemini rejects an object schema whose
    /// `properties` are empty.
    static func gemini(_ definition: ToolDefinition, format: ToolFormat) throws(ToolExportError) -> JSONValue {
        var declaration: [String: JSONValue] = ["name": .string(definition.name)]
        declaration["description"] = description(of: definition)
        let schema = definition.inputSchema
        if let properties = schema["properties"]?.objectValue, !properties.isEmpty {
            declaration["parameters"] = try GeminiSchema(format: format, tool: definition.name, root: schema)
                .rewrite(schema)
        }
        return .object(declaration)
    }
}

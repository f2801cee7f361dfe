import ToolOpsCore

/// The Anthropic Messages API shape.
extension ToolExporter {
    /// `{"name", "description", "input_schema", "strict"?}`: the input schema unchanged, or in strict
    /// mode rewritten as for OpenAI's Structured Outputs (Anthropic's strict tool use accepts the
    /// same subset) with `"strict": true`.
    static func anthropic(
        _ definition: ToolDefinition, strict: Bool, format: ToolFormat
    ) throws(ToolExportError) -> JSONValue {
        var tool: [String: JSONValue] = ["name": .string(definition.name)]
        tool["description"] = description(of: definition)
        if strict {
            tool["input_schema"] = try OpenAIStrictSchema(format: format, tool: definition.name)
                .rewrite(definition.inputSchema)
            tool["strict"] = true
        } else {
            tool["input_schema"] = definition.inputSchema
        }
        return .object(tool)
    }
}

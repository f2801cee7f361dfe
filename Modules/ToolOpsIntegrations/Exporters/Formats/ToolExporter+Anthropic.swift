import ToolOpsCore

/// The Anthropic Messages API shape.
extension ToolExporter {
    /// `{"name", "description", "input_schema"}`, with the input schema unchanged.
    static func anthropic(_ definition: ToolDefinition) -> JSONValue {
        var tool: [String: JSONValue] = ["name": .string(definition.name), "input_schema": definition.inputSchema]
        tool["description"] = description(of: definition)
        return .object(tool)
    }
}

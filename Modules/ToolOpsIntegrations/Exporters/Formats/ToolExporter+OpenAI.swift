import ToolOpsCore

/// OpenAI Chat Completions, OpenAI Responses and LangChain (`convert_to_openai_tool`) shapes.
extension ToolExporter {
    /// `{"type": "function", "function": {"name", "description", "parameters", "strict"?}}`.
    ///
    /// `strict` is written only when true, as LangChain writes it.
    static func openAIChat(
        _ definition: ToolDefinition, strict: Bool, format: ToolFormat
    ) throws(ToolExportError) -> JSONValue {
        var function: [String: JSONValue] = ["name": .string(definition.name)]
        function["description"] = description(of: definition)
        function["parameters"] = try openAIParameters(definition, strict: strict, format: format)
        if strict { function["strict"] = true }
        return ["type": "function", "function": .object(function)]
    }

    /// `{"type": "function", "name", "description", "parameters", "strict"}`.
    ///
    /// `strict` is always written: the Responses API treats a missing `strict` as `true`, and would
    /// then reject a schema that was not made strict.
    static func openAIResponses(
        _ definition: ToolDefinition, strict: Bool, format: ToolFormat
    ) throws(ToolExportError) -> JSONValue {
        var tool: [String: JSONValue] = ["type": "function", "name": .string(definition.name)]
        tool["description"] = description(of: definition)
        tool["parameters"] = try openAIParameters(definition, strict: strict, format: format)
        tool["strict"] = .bool(strict)
        return .object(tool)
    }

    /// The input schema as is, or rewritten by ``OpenAIStrictSchema`` in strict mode.
    private static func openAIParameters(
        _ definition: ToolDefinition, strict: Bool, format: ToolFormat
    ) throws(ToolExportError) -> JSONValue {
        var schema = definition.inputSchema
        if case .object(var node) = schema, node["properties"] == nil {
            node["properties"] = [:]  // OpenAI wants `properties` even for a tool without arguments
            schema = .object(node)
        }
        guard strict else { return schema }
        return try OpenAIStrictSchema(format: format, tool: definition.name).rewrite(schema)
    }
}

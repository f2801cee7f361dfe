import ToolOpsCore

/// Turns ``ToolDefinition``s into the tool JSON each framework or provider expects.
///
/// Every export checks the tool's name against the format's ``ToolNameRule`` and that the input
/// schema is an object schema, then builds the provider's shape; see ``ToolFormat`` and
/// `Docs/INTEGRATIONS.md` for the shapes and schema transformations.
///
/// ```swift
/// let tools = try ToolExporter.exportAll(definitions, as: .anthropic)  // the request's "tools"
/// ```
public enum ToolExporter {
    /// The tool JSON for one definition in `format`.
    ///
    /// - Throws: ``ToolExportError`` when the name breaks the format's rule or the schema cannot be
    ///   expressed in the format.
    public static func export(_ definition: ToolDefinition, as format: ToolFormat) throws(ToolExportError) -> JSONValue
    {
        if let problem = format.nameRule.check(definition.name) {
            throw ToolExportError(
                code: .invalidName, format: format, tool: definition.name,
                message: "\(problem); \(format) tool names must be \(format.nameRule.summary)")
        }
        guard case .object(let input) = definition.inputSchema, JSONSchemaTraversal.isObject(input) else {
            throw ToolExportError(
                code: .invalidSchema, format: format, tool: definition.name, schemaPath: "",
                message: "the input schema must be an object schema (\"type\": \"object\") describing the arguments")
        }
        switch format {
        case .openAIChat(let strict): return try openAIChat(definition, strict: strict, format: format)
        case .openAIResponses(let strict): return try openAIResponses(definition, strict: strict, format: format)
        case .anthropic: return try anthropic(definition, strict: false, format: format)
        case .anthropicStrict: return try anthropic(definition, strict: true, format: format)
        case .gemini: return try gemini(definition, format: format)
        case .langChain: return try openAIChat(definition, strict: false, format: format)
        case .mcp: return try mcp(definition, format: format)
        }
    }

    /// The tool JSON for several definitions, in the container the format's API expects.
    ///
    /// - OpenAI, Anthropic and LangChain: an array, the value of the request's `tools`.
    /// - Gemini: one `Tool` object, `{"functionDeclarations": [...]}`, an element of the request's `tools`.
    /// - MCP: the `tools/list` result, `{"tools": [...]}`.
    ///
    /// - Throws: ``ToolExportError`` for the first definition that cannot be exported, or with code
    ///   `duplicateName` when two definitions share a name (providers reject duplicate tool names).
    public static func exportAll(
        _ definitions: [ToolDefinition], as format: ToolFormat
    ) throws(ToolExportError) -> JSONValue {
        var seen: Set<String> = []
        var tools: [JSONValue] = []
        for definition in definitions {
            guard seen.insert(definition.name).inserted else {
                throw ToolExportError(
                    code: .duplicateName, format: format, tool: definition.name,
                    message: "two tools are named '\(definition.name)'; tool names must be unique in one request")
            }
            tools.append(try export(definition, as: format))
        }
        switch format {
        case .gemini: return ["functionDeclarations": .array(tools)]
        case .mcp: return ["tools": .array(tools)]
        case .openAIChat, .openAIResponses, .anthropic, .anthropicStrict, .langChain: return .array(tools)
        }
    }

    /// The tool's description, or `nil` when it has none (the key is then left out).
    static func description(of definition: ToolDefinition) -> JSONValue? {
        definition.descriptor.description.isEmpty ? nil : .string(definition.descriptor.description)
    }
}

extension ToolDefinition {
    /// This tool's JSON in `format`; the same as ``ToolExporter/export(_:as:)``.
    public func exported(as format: ToolFormat) throws(ToolExportError) -> JSONValue {
        try ToolExporter.export(self, as: format)
    }
}

import ToolOpsCore

/// The MCP `tools/list` item shape (protocol 2025-06-18 and later).
extension ToolExporter {
    /// `{"name", "description", "inputSchema", "outputSchema"?, "annotations"}`.
    ///
    /// Annotations come from the tool's ``ToolEffect``: a read-only tool has `readOnlyHint: true`;
    /// a side-effect tool has `readOnlyHint: false`, `destructiveHint: true` (ToolOps cannot tell an
    /// additive effect from a destructive one, and `true` is MCP's own default) and `idempotentHint`
    /// as declared. `openWorldHint` is left out: the descriptor does not say, and MCP assumes `true`.
    /// `outputSchema` is written only when the definition has one, and must be an object schema.
    static func mcp(_ definition: ToolDefinition, format: ToolFormat) throws(ToolExportError) -> JSONValue {
        var tool: [String: JSONValue] = ["name": .string(definition.name), "inputSchema": definition.inputSchema]
        tool["description"] = description(of: definition)
        if let output = definition.outputSchema {
            guard let node = output.objectValue, JSONSchemaTraversal.isObject(node) else {
                throw ToolExportError(
                    code: .invalidSchema, format: format, tool: definition.name, schemaPath: "",
                    message:
                        "MCP requires 'outputSchema' to be an object schema (\"type\": \"object\"); wrap the result in an object or leave the output schema out"
                )
            }
            tool["outputSchema"] = output
        }
        tool["annotations"] = annotations(for: definition.descriptor.effect)
        return .object(tool)
    }

    /// MCP tool annotations for an effect.
    static func annotations(for effect: ToolEffect) -> JSONValue {
        switch effect {
        case .readOnly:
            ["readOnlyHint": true]
        case .sideEffect(let idempotent):
            ["readOnlyHint": false, "destructiveHint": true, "idempotentHint": .bool(idempotent)]
        }
    }
}

import ToolOpsCore

extension ToolDefinition {
    /// The definition of `tool`, with schemas generated from its `Input` and `Output` types.
    ///
    /// The output schema is included when `Output` is an object (a struct or `[String: V]`) that
    /// can be described; it is optional for every provider, so an `Output` the generator cannot
    /// describe (an enum with associated values, say) leaves it out rather than failing. When the
    /// tool's description is empty, the input type's ``SchemaDescribed/schemaDescription`` is used.
    ///
    /// ```swift
    /// let definition = try ToolDefinition(tool: searchTickets)
    /// ```
    ///
    /// - Throws: ``SchemaError`` when `Input` cannot be described or is not an object.
    public init<Input, Output>(tool: Tool<Input, Output>) throws(SchemaError) {
        let input = try JSONSchema.for(Input.self)
        guard input["type"] == "object" else {
            throw SchemaError(
                code: .unsupportedType, typeName: String(reflecting: Input.self), path: "",
                message: "a tool's arguments are a JSON object, so its Input must be a struct (or [String: V])")
        }
        var descriptor = tool.descriptor
        if descriptor.description.isEmpty, let described = Input.self as? any SchemaDescribed.Type,
            let description = described.schemaDescription
        {
            descriptor.description = description
        }
        self.init(descriptor: descriptor, inputSchema: input, outputSchema: try? JSONSchema.output(Output.self))
    }
}

import ToolOpsCore

/// Everything a framework needs to offer a tool to a model: its declaration and the JSON Schemas
/// (draft 2020-12 subset) of its input and, when it is an object, its output.
///
/// Exporters turn one into OpenAI, Anthropic, Gemini, LangChain or MCP tool JSON; the executor and
/// the MCP server validate arguments against ``inputSchema`` before a call reaches the tool.
public struct ToolDefinition: Sendable, Hashable {
    /// The tool's name, version, description, effect and sensitive arguments.
    public var descriptor: ToolDescriptor
    /// The schema of the arguments: always an object schema (`"type": "object"`).
    public var inputSchema: JSONValue
    /// The schema of the result, when the result is an object; `nil` otherwise.
    public var outputSchema: JSONValue?

    public init(descriptor: ToolDescriptor, inputSchema: JSONValue, outputSchema: JSONValue? = nil) {
        self.descriptor = descriptor
        self.inputSchema = inputSchema
        self.outputSchema = outputSchema
    }

    /// The tool's declared name.
    public var name: String { descriptor.name }
}

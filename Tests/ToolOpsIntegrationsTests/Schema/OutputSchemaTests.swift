import Testing
import ToolOpsCore
import ToolOpsIntegrations

@Suite("Output schemas and ToolDefinition(tool:)")
struct OutputSchemaTests {
    @Test("a struct Output gets an output schema")
    func structOutput() throws {
        let tool = try Tool(ToolDescriptor(name: "ticket_stats")) { (input: ForeignQuery) in
            Report(project: input.term, open: 3, byPriority: [:])
        }
        let definition = try ToolDefinition(tool: tool)
        let expected: JSONValue = [
            "type": "object",
            "properties": [
                "project": ["type": "string"],
                "open": ["type": "integer"],
                "byPriority": ["type": "object", "additionalProperties": ["type": "integer"]],
            ],
            "required": ["project", "open", "byPriority"],
        ]
        #expect(definition.outputSchema == expected)
    }

    @Test("String, Int and array outputs get none")
    func nonObjectOutputs() throws {
        #expect(try JSONSchema.output(String.self) == JSONValue?.none)
        #expect(try JSONSchema.output(Int.self) == JSONValue?.none)
        #expect(try JSONSchema.output([Report].self) == JSONValue?.none)
        #expect(try JSONSchema.output([String: Int].self) != JSONValue?.none)
    }

    @Test("the input type's description fills an empty tool description")
    func descriptionFallback() throws {
        let tool = try Tool(ToolDescriptor(name: "weather")) { (input: Weather) in input.city }
        #expect(try ToolDefinition(tool: tool).descriptor.description == "Weather forecast query.")
    }

    @Test("a non-object Input is rejected")
    func scalarInput() throws {
        let tool = try Tool(ToolDescriptor(name: "echo")) { (text: String) in text }
        let error = #expect(throws: SchemaError.self) { try ToolDefinition(tool: tool) }
        #expect(error?.code == .unsupportedType)
    }
}

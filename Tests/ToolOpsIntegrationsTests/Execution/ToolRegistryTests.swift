import Testing
import ToolOpsCore
import ToolOpsIntegrations
import ToolOpsTesting

@Suite struct ToolRegistryTests {
    @Test("finds a registered tool by name") func findsARegisteredToolByName() throws {
        var registry = ToolRegistry()
        let tool = try weatherTool()
        try registry.register(tool, definition: definition(tool))
        #expect(try registry.entry(named: "get_weather").definition.inputSchema == Schemas.weather)
        #expect(registry.names == ["get_weather"])
    }

    @Test("unknown tool names the closest registered one") func unknownToolNamesTheClosestRegisteredOne() throws {
        var registry = ToolRegistry()
        for name in ["get_weather", "search_docs"] {
            let tool = try weatherTool(name: name)
            try registry.register(tool, definition: definition(tool))
        }
        let error = #expect(throws: ToolRegistryError.self) { try registry.entry(named: "get_wether") }
        #expect(error?.code == .unknownTool)
        #expect(error?.suggestion == "get_weather")
        #expect(error?.message == "unknown tool 'get_wether'; did you mean 'get_weather'?")
    }

    @Test("unknown tool far from every name gets no suggestion") func unknownToolFarFromEveryNameGets() throws {
        var registry = ToolRegistry()
        let tool = try weatherTool()
        try registry.register(tool, definition: definition(tool))
        let error = #expect(throws: ToolRegistryError.self) { try registry.entry(named: "send_email") }
        #expect(error?.suggestion == nil)
    }

    @Test("a second tool with a taken name is refused") func aSecondToolWithATakenName() throws {
        var registry = ToolRegistry()
        let first = try weatherTool()
        let second = try weatherTool()
        try registry.register(first, definition: definition(first))
        let error = #expect(throws: ToolRegistryError.self) {
            try registry.register(second, definition: definition(second))
        }
        #expect(error?.code == .duplicateName)
        #expect(registry.count == 1)
    }

    @Test("a definition naming another tool is refused") func aDefinitionNamingAnotherToolIsRefused() throws {
        var registry = ToolRegistry()
        let tool = try weatherTool()
        let other = ToolDefinition(descriptor: ToolDescriptor(name: "other"), inputSchema: Schemas.weather)
        let error = #expect(throws: ToolRegistryError.self) { try registry.register(tool, definition: other) }
        #expect(error?.code == .nameMismatch)
    }
}

import MCP
import ToolOps
import ToolOpsCore
import ToolOpsIntegrations
import ToolOpsTesting

/// A registry served over an in-memory transport to the SDK's own `Client`.
struct MCPHarness {
    let weatherRuns = Counter()
    let registry: ToolRegistry
    let server: MCPToolServer

    /// `get_weather` (a cached read-only tool built by a `ToolRuntime`, with an output schema),
    /// `always_fails` (throws an upstream error) and `extraTools` trivial tools named `tool_00`, ….
    init(pageSize: Int = 100, extraTools: Int = 0) throws {
        let runtime = ToolRuntime(environment: ToolEnvironment(clock: ManualClock()))
        let runs = weatherRuns
        let weather = try runtime.readonly("get_weather", description: "Current weather") {
            (query: WeatherQuery) -> WeatherReport in
            runs.increment()
            return WeatherReport(city: query.city, temperature: 20)
        }
        let failing = try ToolOpsCore.Tool(ToolDescriptor(name: "always_fails")) { (_: Empty) -> WeatherReport in
            throw ToolError(code: .upstream, tool: "always_fails", message: "the weather service is down")
        }
        var registry = ToolRegistry()
        try registry.register(
            weather,
            definition: ToolDefinition(
                descriptor: weather.descriptor, inputSchema: Schemas.weather,
                outputSchema: try JSONSchema.output(WeatherReport.self)))
        try registry.register(failing, definition: definition(failing, schema: Schemas.empty))
        for index in 0..<extraTools {
            let name = "tool_\(index < 10 ? "0" : "")\(index)"
            let tool = try ToolOpsCore.Tool(ToolDescriptor(name: name)) { (_: Empty) in index }
            try registry.register(tool, definition: definition(tool, schema: Schemas.empty))
        }
        self.registry = registry
        self.server = try MCPToolServer(
            name: "toolops-test", version: "0.1.0", registry: registry,
            configuration: MCPToolServer.Configuration(pageSize: pageSize), clock: ManualClock())
    }

    /// Starts the server, connects a client (which initializes), runs `body`, then shuts both down.
    func withClient<T>(
        _ body: (Client, Initialize.Result) async throws -> T
    ) async throws -> T {
        let (clientSide, serverSide) = await InMemoryTransport.createConnectedPair()
        let mcpServer = await server.makeServer()
        try await mcpServer.start(transport: serverSide)
        let client = Client(name: "toolops-tests", version: "1.0")
        do {
            let initialized = try await client.connect(transport: clientSide)
            let result = try await body(client, initialized)
            await client.disconnect()
            await mcpServer.stop()
            return result
        } catch {
            await client.disconnect()
            await mcpServer.stop()
            throw error
        }
    }
}

extension Client {
    /// The full `tools/call` result, `structuredContent` included (the SDK's `callTool` drops it).
    func call(_ name: String, _ arguments: [String: Value]) async throws -> CallTool.Result {
        try await send(CallTool.request(.init(name: name, arguments: arguments))).value
    }
}

extension CallTool.Result {
    /// The text of the single text item, parsed as JSON.
    var json: JSONValue? {
        guard content.count == 1, case .text(let text, _, _) = content[0] else { return nil }
        return try? JSONValue(parsing: text)
    }
}

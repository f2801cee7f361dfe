import MCP
import ToolOpsCore

/// Serves the tools of a ``ToolRegistry`` to MCP clients (`tools/list`, `tools/call`).
///
/// The tool list is the registry's ``ToolExporter`` MCP export, sorted by name and paged with an
/// opaque cursor. A call goes through the same ``ToolExecutor`` path as a model's tool call —
/// argument validation against the input schema, then the tool's own pipeline (cache, retries,
/// telemetry), under a per-call timeout — and every failure (unknown tool, invalid arguments, tool
/// error) is a result with `isError: true` the model can read, never a protocol error.
///
/// ```swift
/// let server = try MCPToolServer(name: "weather", version: "1.0.0", registry: registry)
/// try await server.run(transport: MCPStdioTransport())   // until stdin closes
/// ```
///
/// Over stdio, standard output carries protocol messages only: log to standard error.
public struct MCPToolServer: Sendable {
    /// The server's name, sent to clients in `initialize`.
    public let name: String
    /// The server's version, sent to clients in `initialize`.
    public let version: String
    /// The tools served.
    public let registry: ToolRegistry
    /// Page size and call limits.
    public let configuration: Configuration
    /// The MCP `tools/list` items, sorted by name.
    let tools: [MCP.Tool]
    let executor: ToolExecutor

    /// A server for the tools in `registry`; call timeouts run on `clock`.
    ///
    /// - Throws: ``ToolExportError`` when a tool cannot be offered over MCP (its name breaks MCP's
    ///   rule, or its schemas are not object schemas), so a bad tool fails at startup, not in a client.
    public init(
        name: String, version: String, registry: ToolRegistry, configuration: Configuration = Configuration(),
        clock: any ToolClock = SystemClock()
    ) throws(ToolExportError) {
        self.name = name
        self.version = version
        self.registry = registry
        self.configuration = configuration
        self.executor = ToolExecutor(registry: registry, configuration: configuration.executor, clock: clock)
        var tools: [MCP.Tool] = []
        for definition in registry.definitions {
            tools.append(Self.mcpTool(try ToolExporter.export(definition, as: .mcp)))
        }
        self.tools = tools
    }

    /// An SDK `Server` with this server's `tools/list` and `tools/call` handlers, not yet started.
    ///
    /// Use it to add resources or prompts before `start(transport:)`; ``run(transport:)`` is the
    /// usual way in.
    public func makeServer() async -> Server {
        let server = Server(
            name: name, version: version, capabilities: Server.Capabilities(tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { parameters in
            try self.listTools(cursor: parameters.cursor)
        }
        await server.withMethodHandler(CallTool.self) { parameters in
            await self.callTool(parameters)
        }
        return server
    }

    /// Serves on `transport` until the client disconnects (for ``MCPStdioTransport``, until stdin closes).
    public func run(transport: any Transport) async throws {
        let server = await makeServer()
        try await server.start(transport: transport)
        await server.waitUntilCompleted()
        await server.stop()
    }
}

import Foundation
import MCP
import Testing
import ToolOpsCore
import ToolOpsIntegrations
import ToolOpsTesting

/// `MCPToolServer` and the SDK's `Client`, each on an `MCPStdioTransport`, over two real pipes.
@Suite("MCP over stdio pipes", .timeLimit(.minutes(1)))
struct MCPStdioEndToEndTests {
    /// Repeated calls in ``sessionOverPipes()``.
    static let repeatedCalls = 50

    @Test("initialize, tools/list and repeated calls over pipes, then EOF ends the server")
    func sessionOverPipes() async throws {
        let harness = try MCPHarness()
        let toServer = PipePair()
        let toClient = PipePair()
        let serverTransport = MCPStdioTransport(input: toServer.readEnd, output: toClient.writeEnd)
        let server = Task { try await harness.server.run(transport: serverTransport) }

        let client = Client(name: "toolops-tests", version: "1.0")
        let initialized = try await client.connect(
            transport: MCPStdioTransport(input: toClient.readEnd, output: toServer.writeEnd))
        #expect(initialized.serverInfo.name == "toolops-test")
        let listed = try await client.listTools()
        #expect(listed.tools.map(\.name) == ["always_fails", "get_weather"])
        let first = try await client.call("get_weather", ["city": "Paris"])
        #expect(first.isError == false)
        #expect(first.json == ["city": "Paris", "temperature": 20])

        // Speed is measured by the mcp_call_roundtrip benchmark, not asserted here.
        for _ in 0..<Self.repeatedCalls {
            let result = try await client.call("get_weather", ["city": "Paris"])
            #expect(result.json == first.json)
        }
        #expect(harness.weatherRuns.value == 1)

        // Closing the client's output is end of input for the server: `run` returns.
        await client.disconnect()
        toServer.closeWriteEnd()
        try await server.value
        toServer.closeReadEnd()
        toClient.closeBoth()
    }
}

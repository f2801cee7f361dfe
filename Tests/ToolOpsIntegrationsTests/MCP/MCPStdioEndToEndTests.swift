import Foundation
import MCP
import Testing
import ToolOpsCore
import ToolOpsIntegrations
import ToolOpsTesting

/// `MCPToolServer` and the SDK's `Client`, each on an `MCPStdioTransport`, over two real pipes.
@Suite("MCP over stdio pipes", .timeLimit(.minutes(1)))
struct MCPStdioEndToEndTests {
    /// Round trips timed in ``sessionOverPipes()``.
    static let timedCalls = 50

    @Test("initialize, tools/list and calls over pipes, with no polling delay, then EOF ends the server")
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

        // A transport that polls every 10 ms (the SDK's `StdioTransport`) has a median round trip of
        // about 10 ms; a blocking read answers in about a millisecond even in a debug build. The
        // median, not the total, so a few calls stalled by a busy machine do not decide.
        let clock = ContinuousClock()
        var roundTrips: [Duration] = []
        for _ in 0..<Self.timedCalls {
            let start = clock.now
            let result = try await client.call("get_weather", ["city": "Paris"])
            roundTrips.append(clock.now - start)
            #expect(result.json == first.json)
        }
        let median = roundTrips.sorted()[roundTrips.count / 2]
        #expect(median < .milliseconds(5), "median round trip \(median)")
        #expect(harness.weatherRuns.value == 1)

        // Closing the client's output is end of input for the server: `run` returns.
        await client.disconnect()
        toServer.closeWriteEnd()
        try await server.value
        toServer.closeReadEnd()
        toClient.closeBoth()
    }
}

import Foundation
import MCP
import Testing
import ToolOpsCore
import ToolOpsIntegrations
import ToolOpsTesting

/// The MCP server, driven by the official Swift SDK's `Client` over an in-memory transport.
@Suite("MCP tool server")
struct MCPToolServerTests {
    @Test("initialize negotiates the client's protocol version and announces the tools capability")
    func initialize() async throws {
        try await MCPHarness().withClient { _, initialized in
            #expect(initialized.protocolVersion == MCP.Version.latest)
            #expect(initialized.serverInfo.name == "toolops-test")
            #expect(initialized.serverInfo.version == "0.1.0")
            #expect(initialized.capabilities.tools != nil)
        }
    }

    @Test("tools/list is the MCP export of the registry, sorted by name")
    func listMatchesExporter() async throws {
        let harness = try MCPHarness()
        let listed = try await harness.withClient { client, _ in try await client.listTools() }
        let encoded = try JSONValue(parsing: String(decoding: JSONEncoder().encode(listed.tools), as: UTF8.self))
        let exported = try ToolExporter.exportAll(harness.registry.definitions, as: .mcp)
        // A tool without a description is listed with an empty one (swift-sdk 0.12.1 would write
        // `null`, which strict clients reject); otherwise identical to the export.
        #expect(encoded.arrayValue?.first?["description"] == "")
        let withoutEmpty = encoded.arrayValue?.map { item in
            JSONValue.object((item.objectValue ?? [:]).filter { $0.key != "description" || $0.value != "" })
        }
        #expect(withoutEmpty.map(JSONValue.array) == exported["tools"])
        #expect(listed.tools.map(\.name) == ["always_fails", "get_weather"])
        #expect(listed.nextCursor == nil)
    }

    @Test("a second identical call is a cache hit: the body runs once, both answers carry the result")
    func callsGoThroughThePipeline() async throws {
        let harness = try MCPHarness()
        let (first, second) = try await harness.withClient { client, _ in
            (
                try await client.call("get_weather", ["city": "Paris"]),
                try await client.call("get_weather", ["city": "Paris"])
            )
        }
        let expected: JSONValue = ["city": "Paris", "temperature": 20]
        for result in [first, second] {
            #expect(result.isError == false)
            #expect(result.json == expected)
            #expect(result.structuredContent == Value(json: expected))
        }
        #expect(harness.weatherRuns.value == 1)
    }

    @Test("invalid arguments are an isError result naming the field, and the body never runs")
    func invalidArguments() async throws {
        let harness = try MCPHarness()
        let result = try await harness.withClient { client, _ in
            try await client.call("get_weather", ["city": "Paris", "unit": "c"])
        }
        #expect(result.isError == true)
        #expect(result.structuredContent == nil)
        let error = try #require(result.json?["error"])
        #expect(error["code"] == "invalidArguments")
        #expect(error["violations"]?.arrayValue?.first?["field"] == "unit")
        #expect(error["violations"]?.arrayValue?.first?["did_you_mean"] == "units")
        #expect(harness.weatherRuns.value == 0)
    }

    @Test("an unknown tool is an isError result with the closest name, not a protocol error")
    func unknownTool() async throws {
        let result = try await MCPHarness().withClient { client, _ in try await client.call("get_wether", [:]) }
        #expect(result.isError == true)
        #expect(result.json?["error"]?["code"] == "unknownTool")
        #expect(result.json?["error"]?["did_you_mean"] == "get_weather")
    }

    @Test("a failing tool is an isError result with its error code and message")
    func toolFailure() async throws {
        let result = try await MCPHarness().withClient { client, _ in try await client.call("always_fails", [:]) }
        #expect(result.isError == true)
        #expect(result.json?["error"]?["code"] == "upstream")
        #expect(result.json?["error"]?["message"] == "the weather service is down")
    }
}

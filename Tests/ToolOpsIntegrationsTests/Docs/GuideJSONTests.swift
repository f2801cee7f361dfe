import Foundation
import MCP
import Testing
import ToolOpsCore
import ToolOpsIntegrations

/// The JSON the per-framework guides in `Docs/integrations/` mark as generated is what the code
/// produces today, so the guides cannot drift from the exporters, the executor or the MCP server.
@Suite("Integration guides show what the code produces")
struct GuideJSONTests {
    static let guides = ["OPENAI.md", "ANTHROPIC.md", "GEMINI.md", "LANGCHAIN.md", "MCP.md"]

    /// Format names as `toolops-example-server --export` spells them.
    static let exportFormats: [String: ToolFormat] = [
        "openai-chat": .openAIChat(strict: false), "openai-chat-strict": .openAIChat(strict: true),
        "openai-responses": .openAIResponses(strict: false), "openai-responses-strict": .openAIResponses(strict: true),
        "anthropic": .anthropic, "gemini": .gemini, "langchain": .langChain, "mcp": .mcp,
    ]
    static let callFormats: [String: ToolCallFormat] = [
        "openai-chat": .openAIChat, "openai-responses": .openAIResponses, "anthropic": .anthropic,
    ]

    @Test("every generated JSON block of a guide equals the code's output", arguments: guides)
    func generatedBlocksMatchTheCode(guide: String) async throws {
        let file = try Self.repositoryRoot().appendingPathComponent("Docs/integrations/\(guide)")
        let blocks = GuideBlock.blocks(in: try String(contentsOf: file, encoding: .utf8), file: guide)
        #expect(blocks.contains { $0.kind == "generated" }, "\(guide) marks no generated JSON")

        let registry = try GuideTools.registry()
        let executor = ToolExecutor(registry: registry)
        let server = try MCPToolServer(name: "toolops-example-server", version: "0.1.0", registry: registry)
        var responses: [String: JSONValue] = [:]
        var callParameters: String?
        for block in blocks {
            let shown = try #require(try? JSONValue(parsing: block.json), "\(block.location): not one JSON value")
            let words = block.words
            let expected: JSONValue
            if block.kind == "example", words == ["mcp", "tools/call"] {
                callParameters = block.json
                continue
            } else if block.kind == "example", words.count == 2, words[1] == "response",
                Self.callFormats[words[0]] != nil
            {
                responses[words[0]] = shown
                continue
            } else if block.kind == "generated", words == ["mcp", "tools/list", "result"] {
                expected = try JSONValue(parsing: [UInt8](try JSONEncoder().encode(try server.listTools())))
            } else if block.kind == "generated", words == ["mcp", "tools/call", "result"] {
                let parameters = try #require(callParameters, "\(block.location): no `example: mcp tools/call` above")
                expected = try await Self.mcpResult(server, parameters: parameters)
            } else if block.kind == "generated", words.count == 2, words[1] == "messages" {
                let callFormat = try #require(Self.callFormats[words[0]], "\(block.location): unknown '\(words[0])'")
                let response = try #require(
                    responses[words[0]], "\(block.location): no `example: \(words[0]) response`")
                expected = .array(await executor.respond(to: response, format: callFormat))
            } else if block.kind == "generated", words.count == 2 {
                let format = try #require(Self.exportFormats[words[0]], "\(block.location): unknown '\(words[0])'")
                if words[1] == "all" {
                    expected = try ToolExporter.exportAll(registry.definitions, as: format)
                } else {
                    let entry = try #require(registry[words[1]], "\(block.location): no tool '\(words[1])'")
                    expected = try ToolExporter.export(entry.definition, as: format)
                }
            } else {
                Issue.record("\(block.location): unknown marker '\(block.kind): \(words.joined(separator: " "))'")
                continue
            }
            #expect(
                Self.same(shown, expected),
                "\(block.location) (\(block.words.joined(separator: " "))) differs from the code's output: \(expected)")
        }
    }

    @Test("a marker is read with the JSON block right after it, and a marker without one has no JSON")
    func markersAreRead() {
        let text = """
            <!-- generated: openai-chat get_weather -->
            ```json
            {"type": "function"}
            ```
            <!-- example: anthropic response -->
            Not a fence.
            <!-- an ordinary comment -->
            """
        let blocks = GuideBlock.blocks(in: text, file: "T.md")
        #expect(blocks.map(\.kind) == ["generated", "example"])
        #expect(blocks[0].words == ["openai-chat", "get_weather"])
        #expect(blocks[0].json == #"{"type": "function"}"#)
        #expect(blocks[0].location == "T.md:1")
        #expect(blocks[1].json.isEmpty)
    }

    /// The repository root: the nearest folder above this file holding `Package.swift`.
    static func repositoryRoot(from file: String = #filePath) throws -> URL {
        var folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder.deleteLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Package.swift above \(file)"])
    }

    /// The `result` of a `tools/call` with `parameters` (JSON text), as the SDK writes it on the wire.
    static func mcpResult(_ server: MCPToolServer, parameters: String) async throws -> JSONValue {
        let decoded = try JSONDecoder().decode(CallTool.Parameters.self, from: Data(parameters.utf8))
        let result = await server.callTool(decoded)
        return try JSONValue(parsing: [UInt8](try JSONEncoder().encode(result)))
    }

    /// JSON equality where a number is its value (`26` and `26.0` are the same), as for any JSON reader.
    static func same(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.object(let l), .object(let r)):
            return l.count == r.count && l.allSatisfy { key, value in r[key].map { same(value, $0) } ?? false }
        case (.array(let l), .array(let r)):
            return l.count == r.count && zip(l, r).allSatisfy { same($0, $1) }
        default:
            if let l = left.doubleValue, let r = right.doubleValue { return l == r }
            return left == right
        }
    }
}

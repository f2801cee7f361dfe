import Testing
import ToolOpsCore
import ToolOpsIntegrations

/// Tool names are checked against each provider's rule, with the broken part of the rule spelled out.
@Suite("Tool name rules")
struct NameRuleTests {
    static let allFormats: [ToolFormat] = [
        .openAIChat(strict: false), .openAIChat(strict: true), .openAIResponses(strict: true), .anthropic,
        .anthropicStrict, .gemini,
        .langChain, .mcp,
    ]

    func exportError(_ name: String, _ format: ToolFormat) -> ToolExportError? {
        do {
            _ = try ToolExporter.export(Fixtures.tool(named: name), as: format)
            return nil
        } catch {
            return error
        }
    }

    @Test("a 64-character name passes everywhere; 65 fails except on MCP, whose limit is 128")
    func length() {
        let limit = String(repeating: "a", count: 64)
        for format in Self.allFormats {
            #expect(exportError(limit, format) == nil, "\(format)")
            let error = exportError(limit + "a", format)
            if format == .mcp {
                #expect(error == nil)
            } else {
                #expect(error?.code == .invalidName, "\(format)")
                #expect(error?.description.contains("65 characters long; the limit is 64") == true, "\(format)")
            }
        }
        #expect(exportError(String(repeating: "a", count: 128), .mcp) == nil)
        #expect(exportError(String(repeating: "a", count: 129), .mcp)?.code == .invalidName)
        #expect(exportError("", .mcp)?.message.contains("empty") == true)
    }

    @Test("dots are allowed by Gemini and MCP, refused by OpenAI and Anthropic")
    func dots() {
        for format in [ToolFormat.gemini, .mcp] { #expect(exportError("tickets.search", format) == nil, "\(format)") }
        for format in [ToolFormat.openAIChat(strict: false), .openAIResponses(strict: false), .anthropic, .langChain] {
            let error = exportError("tickets.search", format)
            #expect(error?.code == .invalidName, "\(format)")
            #expect(error?.message.contains("the character '.' is not allowed") == true, "\(format)")
            #expect(error?.message.contains("'-', '_'") == true, "\(format): the rule is spelled out")
        }
    }

    @Test(
        "spaces and non-ASCII letters are refused everywhere",
        arguments: ["search tickets", "recherche_billets_é", "a/b"])
    func badCharacters(name: String) {
        for format in Self.allFormats { #expect(exportError(name, format)?.code == .invalidName, "\(format)") }
    }

    @Test("Gemini names must start with a letter or an underscore")
    func geminiLeadingCharacter() {
        let error = exportError("2fa_reset", .gemini)
        #expect(error?.code == .invalidName)
        #expect(
            error?.description
                == "Gemini export of tool '2fa_reset': invalidName: the name must start with a letter or an underscore, not '2'; Gemini tool names must be 1-64 characters of ASCII letters, digits or '-', '.', '_', starting with a letter or '_'"
        )
        #expect(exportError("_2fa_reset", .gemini) == nil)
        #expect(exportError("2fa_reset", .openAIChat(strict: false)) == nil)
        #expect(exportError("-dash", .gemini)?.code == .invalidName)
    }
}

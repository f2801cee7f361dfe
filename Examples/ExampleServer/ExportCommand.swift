import Foundation
import ToolOpsIntegrations

/// `toolops-example-server --export FORMAT`: prints the served tools' JSON for one framework and exits.
///
/// Read by hand from the arguments: one flag, and an MCP client that starts the server passes none.
/// The output is ``ToolExporter/exportAll(_:as:)`` of every served tool — the value of a request's
/// `tools` (OpenAI, Anthropic, LangChain), one Gemini `Tool`, or an MCP `tools/list` result.
enum ExportCommand {
    /// The format names `--export` accepts, in the order the usage lists them.
    static let formats: [(name: String, format: ToolFormat)] = [
        ("openai-chat", .openAIChat(strict: false)),
        ("openai-chat-strict", .openAIChat(strict: true)),
        ("openai-responses", .openAIResponses(strict: false)),
        ("openai-responses-strict", .openAIResponses(strict: true)),
        ("anthropic", .anthropic),
        ("anthropic-strict", .anthropicStrict),
        ("gemini", .gemini),
        ("langchain", .langChain),
        ("mcp", .mcp),
    ]

    /// Handles the command line before serving: prints the export, or a usage error, and returns
    /// the exit status (0, 64 for a usage error, 70 when a tool cannot be exported); `nil` to serve.
    static func run(arguments: [String], definitions: [ToolDefinition]) -> Int32? {
        do {
            guard case .export(let name) = try parse(arguments) else { return nil }
            print(try output(format: name, definitions: definitions))
            return 0
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("toolops-example-server: \(error.message)\n".utf8))
            return 64
        } catch {
            FileHandle.standardError.write(Data("toolops-example-server: \(error)\n".utf8))
            return 70
        }
    }

    /// What the arguments ask for.
    enum Request: Equatable {
        /// No arguments: serve MCP on stdio.
        case serve
        /// `--export FORMAT`: print the tools' JSON for `format`.
        case export(name: String)
    }

    /// A command line that cannot be understood: one line for standard error.
    struct UsageError: Error {
        let message: String
    }

    /// Reads `arguments` (without the program name).
    static func parse(_ arguments: [String]) throws(UsageError) -> Request {
        let choices = formats.map(\.name).joined(separator: ", ")
        switch arguments.count {
        case 0:
            return .serve
        case 1 where arguments[0].hasPrefix("--export="):
            return try export(String(arguments[0].dropFirst("--export=".count)), choices: choices)
        case 2 where arguments[0] == "--export":
            return try export(arguments[1], choices: choices)
        case 1 where arguments[0] == "--export":
            throw UsageError(message: "--export needs a format: \(choices)")
        default:
            throw UsageError(
                message: "unknown arguments '\(arguments.joined(separator: " "))'; usage: toolops-example-server "
                    + "[--export FORMAT] (FORMAT: \(choices))")
        }
    }

    private static func export(_ name: String, choices: String) throws(UsageError) -> Request {
        guard formats.contains(where: { $0.name == name }) else {
            throw UsageError(message: "unknown export format '\(name)'; choose one of: \(choices)")
        }
        return .export(name: name)
    }

    /// The tools' JSON for the format called `name`, pretty-printed with sorted keys.
    static func output(format name: String, definitions: [ToolDefinition]) throws -> String {
        guard let format = formats.first(where: { $0.name == name })?.format else {
            throw UsageError(message: "unknown export format '\(name)'")
        }
        return PrettyJSON.text(try ToolExporter.exportAll(definitions, as: format))
    }
}

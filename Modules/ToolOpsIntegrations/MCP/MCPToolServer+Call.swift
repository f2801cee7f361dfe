import Foundation
import MCP
import ToolOpsCore

extension MCPToolServer {
    /// Answers one `tools/call`: the tool's JSON result, or an `isError` result saying what went wrong.
    ///
    /// A success has one text item, the result's canonical JSON, and — when the tool declares an
    /// `outputSchema` — the same object as `structuredContent`. A failure has one text item, the
    /// ``ToolCallFailure/json`` error object a ``ToolExecutor`` would send (code, message, the
    /// violated fields with a did-you-mean), and `isError: true`.
    public func callTool(_ parameters: CallTool.Parameters) async -> CallTool.Result {
        let arguments = JSONValue(mcp: MCP.Value.object(parameters.arguments ?? [:]))
        // MCP request ids are not visible to handlers; a fresh id still tells calls apart in traces.
        let request = ToolCallRequest(id: "mcp-\(UUID().uuidString)", name: parameters.name, arguments: arguments)
        guard let result = await executor.execute([request]).first else {
            return CallTool.Result(content: [.text("no result")], isError: true)
        }
        switch result.outcome {
        case .success(let value):
            let structured = registry[parameters.name]?.definition.outputSchema == nil ? nil : MCP.Value(json: value)
            return Self.result(content: [.text(result.content)], structuredContent: structured, isError: false)
        case .failure:
            return CallTool.Result(content: [.text(result.content)], isError: true)
        }
    }

    // The SDK also has a generic, throwing `init(content:structuredContent:isError:_meta:)` for any
    // `Codable` output, which overload resolution prefers for a `Value?`; this picks the plain one.
    private static func result(
        content: [MCP.Tool.Content], structuredContent: MCP.Value?, isError: Bool
    )
        -> CallTool.Result
    {
        let make: ([MCP.Tool.Content], MCP.Value?, Bool?, Metadata?) -> CallTool.Result = CallTool.Result.init(
            content:structuredContent:isError:_meta:)
        return make(content, structuredContent, isError, nil)
    }
}

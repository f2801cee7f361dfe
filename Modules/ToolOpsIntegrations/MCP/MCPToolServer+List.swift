import Foundation
import MCP
import ToolOpsCore

extension MCPToolServer {
    /// One page of the tool list: the tools after `cursor` (from the start when `nil`), at most
    /// ``Configuration/pageSize``, with the cursor of the next page when there is one.
    ///
    /// - Throws: `MCPError.invalidParams` (-32602) for a cursor this server did not hand out.
    public func listTools(cursor: String? = nil) throws -> ListTools.Result {
        let start = try cursor.map(Self.offset(of:)) ?? 0
        guard start <= tools.count else {
            throw MCPError.invalidParams("the cursor points past the end of the tool list; list again without a cursor")
        }
        let end = min(start + configuration.pageSize, tools.count)
        let next = end < tools.count ? Self.cursor(for: end) : nil
        return ListTools.Result(tools: Array(tools[start..<end]), nextCursor: next)
    }

    // The cursor is an offset, base64-encoded so clients treat it as opaque. The list is fixed when
    // the server is built, so an offset always means the same position.
    static func cursor(for offset: Int) -> String {
        Data("toolops:\(offset)".utf8).base64EncodedString()
    }

    static func offset(of cursor: String) throws -> Int {
        guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
            text.hasPrefix("toolops:"), let offset = Int(text.dropFirst("toolops:".count)), offset >= 0
        else {
            throw MCPError.invalidParams("invalid cursor '\(cursor)'; pass the nextCursor of a previous tools/list")
        }
        return offset
    }

    /// The SDK's tool for one item of ``ToolExporter``'s MCP export.
    static func mcpTool(_ item: JSONValue) -> MCP.Tool {
        let fields = item.objectValue ?? [:]
        let hints = fields["annotations"]?.objectValue ?? [:]
        func hint(_ name: String) -> Bool? {
            if case .bool(let value) = hints[name] { return value }
            return nil
        }
        return MCP.Tool(
            name: fields["name"]?.stringValue ?? "",
            // The SDK writes a missing description as `null`, which schema-checking clients (the
            // TypeScript SDK's `z.string().optional()`) reject; an empty one is accepted everywhere.
            description: fields["description"]?.stringValue ?? "",
            inputSchema: MCP.Value(json: fields["inputSchema"] ?? [:]),
            annotations: MCP.Tool.Annotations(
                readOnlyHint: hint("readOnlyHint"), destructiveHint: hint("destructiveHint"),
                idempotentHint: hint("idempotentHint"), openWorldHint: hint("openWorldHint")
            ),
            outputSchema: fields["outputSchema"].map(MCP.Value.init(json:))
        )
    }
}

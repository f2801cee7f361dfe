import MCP
import Testing
import ToolOpsIntegrations

/// `tools/list` pages: every tool exactly once, in name order, then no cursor.
@Suite("MCP tool list pagination")
struct MCPPaginationTests {
    @Test("following nextCursor visits every tool once, in name order")
    func pages() async throws {
        let harness = try MCPHarness(pageSize: 3, extraTools: 5)
        let pages = try await harness.withClient { client, _ in
            var pages: [[String]] = []
            var cursor: String?
            repeat {
                let page = try await client.listTools(cursor: cursor)
                pages.append(page.tools.map(\.name))
                cursor = page.nextCursor
            } while cursor != nil && pages.count < 10
            return pages
        }
        #expect(pages.count == 3)
        #expect(pages.map(\.count) == [3, 3, 1])
        #expect(pages.flatMap { $0 } == harness.registry.names)
    }

    @Test("a cursor the server did not hand out is an invalid-params protocol error")
    func invalidCursor() async throws {
        let harness = try MCPHarness(pageSize: 1)
        await #expect(throws: MCPError.self) {
            try await harness.withClient { client, _ in try await client.listTools(cursor: "bm90LWEtY3Vyc29y") }
        }
        let error = #expect(throws: MCPError.self) { try harness.server.listTools(cursor: "%%%") }
        #expect(error?.code == -32602)
        #expect(error?.errorDescription?.contains("pass the nextCursor of a previous tools/list") == true)
    }
}

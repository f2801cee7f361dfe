extension MCPToolServer {
    /// How an ``MCPToolServer`` pages its tool list and runs calls.
    ///
    /// ```swift
    /// let configuration = MCPToolServer.Configuration(pageSize: 20, executor: .init(timeout: .seconds(10)))
    /// ```
    public struct Configuration: Sendable, Hashable {
        /// The most tools one `tools/list` page holds; more come with a `nextCursor`. Default 100.
        public var pageSize: Int
        /// Timeouts, concurrency and validation limits of `tools/call`, as for a ``ToolExecutor``.
        public var executor: ToolExecutor.Configuration

        public init(pageSize: Int = 100, executor: ToolExecutor.Configuration = ToolExecutor.Configuration()) {
            self.pageSize = max(1, pageSize)
            self.executor = executor
        }
    }
}

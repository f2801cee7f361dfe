import MCP

/// `mcp_call_roundtrip`: a `tools/call` on a cached tool through the stdio MCP server, as a client sees it.
///
/// The benchmark starts `toolops-example-server` as a child process and drives it with the MCP
/// SDK's own `Client` over a `StdioTransport` on the child's pipes: `initialize`, one `get_weather`
/// call to fill the server's cache, then sequential round trips (p50, p99) and then the
/// throughput with ``inFlight`` calls outstanding at all times. Every timed call is a cache hit on
/// the server, so the figures are the protocol and transport cost, not the tool's.
///
/// With swift-sdk 0.12.1 that cost is mostly waiting: `StdioTransport`'s read loop sleeps 10 ms
/// whenever a non-blocking read finds no data, on both sides of the pipe, so a lone round trip
/// takes one such nap or two.
enum MCPRoundTripScenario {
    static let name = "mcp_call_roundtrip"
    /// Calls kept outstanding in the throughput phase.
    static let inFlight = 10
    static let tool = "get_weather"
    static let arguments: [String: Value] = ["city": "Paris"]

    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        let iterations = workload.iterations(full: 1_000, quick: 100)
        let server = try ExampleServerProcess()
        let client = Client(name: "toolops-bench", version: "1.0")
        let measured: Result<(LatencySummary, Double), any Error>
        do {
            _ = try await client.connect(transport: server.transport)
            try await call(client)  // fills the server's cache
            let latency = try await Harness.latency(warmup: iterations / 10, iterations: iterations) { _ in
                try await call(client)
            }
            let throughput = try await concurrentThroughput(client, calls: iterations)
            measured = .success((latency, throughput))
        } catch {
            measured = .failure(error)
        }
        await client.disconnect()
        try await server.shutDown()
        let (latency, throughput) = try measured.get()

        var result = BenchmarkResult(scenario: name, target: "p50 reported", iterations: iterations)
        result.latency = latency
        result.operationsPerSecond = throughput
        result.extra.add("in_flight", inFlight)
        result.extra.add("sequential_ops_per_s", latency.operationsPerSecond, decimals: 0)
        result.note =
            "tools/call \(tool) (a cache hit) from the MCP SDK Client over StdioTransport to "
            + "\(ExampleServerProcess.productName) as a child process; ops_per_s with \(inFlight) calls in flight; "
            + "StdioTransport (swift-sdk 0.12.1) sleeps 10 ms when a read finds no data, which sets the latency"
        return [result]
    }

    /// One `tools/call`; a result marked `isError` is a failure of the benchmark, not a sample.
    private static func call(_ client: Client) async throws {
        let (content, isError): ([Tool.Content], Bool?) = try await client.callTool(name: tool, arguments: arguments)
        guard isError != true, !content.isEmpty else {
            throw ExampleServerProcess.Failure(description: "\(tool) answered with an error: \(content)")
        }
    }

    /// Calls per second with ``inFlight`` workers each issuing calls back to back, `calls` in all.
    private static func concurrentThroughput(_ client: Client, calls: Int) async throws -> Double {
        let perWorker = max(1, calls / inFlight)
        let start = MonotonicClock.now()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<inFlight {
                group.addTask {
                    for _ in 0..<perWorker { try await call(client) }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = MonotonicClock.elapsed(since: start)
        return elapsed == 0 ? 0 : Double(perWorker * inFlight) * 1e9 / Double(elapsed)
    }
}

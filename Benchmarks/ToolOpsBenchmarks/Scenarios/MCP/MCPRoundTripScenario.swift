import Foundation
import MCP
import ToolOpsIntegrations

/// `mcp_call_roundtrip`: a `tools/call` on a cached tool through the stdio MCP server, as a client sees it.
///
/// The benchmark starts `toolops-example-server` as a child process and drives it with the MCP
/// SDK's own `Client` over an ``MCPStdioTransport`` on the child's pipes: `initialize`, one
/// `get_weather` call to fill the server's cache, then sequential round trips (p50, p99) and then
/// the throughput with ``inFlight`` calls outstanding at all times. Every timed call must be a
/// cache hit on the server — it must repeat the warm-up call's `reading`, the count of tool body
/// runs — so the figures are the protocol and transport cost, not the tool's.
///
/// Both ends use ``MCPStdioTransport`` (blocking reads on a thread of their own). The SDK's
/// `StdioTransport` (swift-sdk 0.12.1) sleeps 10 ms whenever a non-blocking read finds no data,
/// which put p50 at about 10 ms.
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
            let reading = try await call(client)  // fills the server's cache
            let latency = try await Harness.latency(warmup: iterations / 10, iterations: iterations) { _ in
                try expectCacheHit(try await call(client), reading: reading)
            }
            let throughput = try await concurrentThroughput(client, calls: iterations, reading: reading)
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
            "tools/call \(tool) (a cache hit, checked by its reading) from the MCP SDK Client over MCPStdioTransport to "
            + "\(ExampleServerProcess.productName) (MCPStdioTransport) as a child process; "
            + "ops_per_s with \(inFlight) calls in flight"
        return [result]
    }

    /// One `tools/call`, returning the answer's `reading`; an `isError` result, or one without a
    /// reading, is a failure of the benchmark, not a sample.
    private static func call(_ client: Client) async throws -> Int {
        let (content, isError): ([Tool.Content], Bool?) = try await client.callTool(name: tool, arguments: arguments)
        guard isError != true, content.count == 1, case .text(let text, _, _) = content[0] else {
            throw ExampleServerProcess.Failure(description: "\(tool) answered with an error: \(content)")
        }
        guard let answer = try? JSONDecoder().decode(Reading.self, from: Data(text.utf8)) else {
            throw ExampleServerProcess.Failure(description: "\(tool) answered without a reading: \(text)")
        }
        return answer.reading
    }

    /// The part of `get_weather`'s answer that tells a cached answer from a fresh one.
    private struct Reading: Decodable {
        let reading: Int
    }

    /// Fails the scenario unless `answered` is the warm-up call's reading, i.e. the server's cache answered.
    private static func expectCacheHit(_ answered: Int, reading: Int) throws {
        guard answered == reading else {
            throw ExampleServerProcess.Failure(
                description: "\(tool) answered reading \(answered), the warm-up call's was \(reading): the tool body "
                    + "ran again, so the call was not a cache hit and the figures would include the tool's work")
        }
    }

    /// Calls per second with ``inFlight`` workers each issuing calls back to back, `calls` in all.
    private static func concurrentThroughput(_ client: Client, calls: Int, reading: Int) async throws -> Double {
        let perWorker = max(1, calls / inFlight)
        let start = MonotonicClock.now()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<inFlight {
                group.addTask {
                    for _ in 0..<perWorker { try expectCacheHit(try await call(client), reading: reading) }
                }
            }
            try await group.waitForAll()
        }
        let elapsed = MonotonicClock.elapsed(since: start)
        return elapsed == 0 ? 0 : Double(perWorker * inFlight) * 1e9 / Double(elapsed)
    }
}

import ToolOps
import ToolOpsIntegrations

/// `schema_export`: generating a 10-field tool's schema and its JSON for every framework.
enum SchemaExportScenario {
    /// A 10-field input: scalars, an enum, optionals, an array and a nested object (no dictionary:
    /// OpenAI strict mode refuses open objects).
    struct Order: Codable, Sendable {
        enum Status: String, Codable, Sendable, CaseIterable { case open, paid, shipped }
        struct Address: Codable, Sendable {
            var street: String
            var city: String
        }
        var id: String
        var customer: String
        var amount: Double
        var quantity: Int
        var status: Status
        var express: Bool
        var note: String?
        var tags: [String]
        var shipping: Address
        var deliveryDays: Int?
    }

    static let formats: [ToolFormat] = [
        .openAIChat(strict: false), .openAIChat(strict: true), .openAIResponses(strict: true), .anthropic, .gemini,
        .langChain, .mcp,
    ]

    static func run(_ workload: Workload) async throws -> BenchmarkResult {
        let iterations = workload.iterations(full: 20_000, quick: 2_000)
        let tool = try Tool(ToolDescriptor(name: "update_order", description: "Updates an order.")) {
            (order: Order) in order.id
        }
        var bytes = 0
        let latency = try await Harness.latency(warmup: iterations / 10, iterations: iterations) { _ in
            let definition = try ToolDefinition(tool: tool)
            for format in formats {
                bytes &+= try definition.exported(as: format).description.utf8.count
            }
        }
        var result = BenchmarkResult(scenario: "schema_export", target: "p50 reported", iterations: iterations)
        result.latency = latency
        result.operationsPerSecond = latency.operationsPerSecond
        result.note =
            "schema generated from the Swift type, then exported as \(formats.count) formats and written as JSON "
            + "text (\(bytes / (iterations + iterations / 10)) bytes per round)"
        return result
    }
}

import Synchronization
import ToolOpsCore
import ToolOpsIntegrations
import ToolOpsTesting

struct WeatherQuery: Codable, Sendable {
    var city: String
    var units: String?
}

struct WeatherReport: Codable, Sendable {
    var city: String
    var temperature: Int
}

struct Empty: Codable, Sendable {}

/// Hand-written schemas, as the generator will produce them.
enum Schemas {
    static let weather: JSONValue = [
        "type": "object",
        "properties": [
            "city": ["type": "string", "minLength": 1],
            "units": ["type": "string", "enum": ["c", "f"]],
        ],
        "required": ["city"],
        "additionalProperties": false,
    ]
    static let empty: JSONValue = ["type": "object", "properties": [:], "additionalProperties": false]
}

/// A weather tool whose body counts its runs and, when given a gate, waits on it first.
func weatherTool(
    name: String = "get_weather", runs: Counter = Counter(), gate: Gate? = nil
) throws -> Tool<
    WeatherQuery, WeatherReport
> {
    try Tool(ToolDescriptor(name: name, description: "Current weather")) { (query: WeatherQuery) in
        runs.increment()
        try await gate?.wait()
        return WeatherReport(city: query.city, temperature: query.units == "f" ? 68 : 20)
    }
}

func definition(_ tool: some JSONTool, schema: JSONValue = Schemas.weather) -> ToolDefinition {
    ToolDefinition(descriptor: tool.descriptor, inputSchema: schema)
}

/// Wraps a tool and records the options each call received.
final class OptionsRecorder: JSONTool {
    let inner: any JSONTool
    private let seen = Mutex<[CallOptions]>([])

    init(_ inner: any JSONTool) { self.inner = inner }

    var descriptor: ToolDescriptor { inner.descriptor }
    var options: [CallOptions] { seen.withLock { $0 } }

    func call(arguments: JSONValue, options: CallOptions) async throws -> JSONValue {
        seen.withLock { $0.append(options) }
        return try await inner.call(arguments: arguments, options: options)
    }

    func key(arguments: JSONValue) throws -> CallKey { try inner.key(arguments: arguments) }
}

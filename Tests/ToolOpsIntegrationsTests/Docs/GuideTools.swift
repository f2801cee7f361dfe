import ToolOps
import ToolOpsCore
import ToolOpsIntegrations
import ToolOpsTesting

/// The tools the per-framework guides (`Docs/integrations/`) show: the same names, descriptions and
/// input/output shapes as `toolops-example-server`'s `get_weather` and `search_docs`
/// (`Examples/ExampleServer/ExampleTools.swift`), duplicated here because an executable's types
/// cannot be imported by a test.
enum GuideTools {
    struct WeatherQuery: Codable, Sendable {
        var city: String
        var units: String?
    }

    struct Weather: Codable, Sendable {
        var city: String
        var temperature: Double
        var units: String
        var conditions: String

        /// The example server's stable simulated reading.
        static func simulated(for query: WeatherQuery) -> Weather {
            let seed = query.city.lowercased().unicodeScalars.reduce(0) { ($0 * 31 + Int($1.value)) % 10_007 }
            let celsius = Double(seed % 35) - 5
            let fahrenheit = query.units == "fahrenheit"
            let conditions = ["clear", "cloudy", "light rain", "windy", "fog"][seed % 5]
            return Weather(
                city: query.city, temperature: fahrenheit ? celsius * 9 / 5 + 32 : celsius,
                units: fahrenheit ? "fahrenheit" : "celsius", conditions: conditions)
        }
    }

    struct DocsQuery: Codable, Sendable {
        var query: String
        var limit: Int?
    }

    struct DocsResults: Codable, Sendable {
        struct Hit: Codable, Sendable {
            var title: String
            var snippet: String
        }
        var hits: [Hit]
    }

    /// A registry holding both tools, built as the example server builds them (`ToolRuntime.readonly`).
    static func registry() throws -> ToolRegistry {
        let runtime = ToolRuntime(environment: ToolEnvironment(clock: ManualClock()))
        let weather = try runtime.readonly(
            "get_weather", description: "Current weather for a city (simulated data)."
        ) { (query: WeatherQuery) -> Weather in
            Weather.simulated(for: query)
        }
        let search = try runtime.readonly(
            "search_docs", description: "Search the ToolOps documentation; returns the best-matching sections."
        ) { (query: DocsQuery) -> DocsResults in
            DocsResults(hits: [.init(title: "Caching", snippet: "Read-only tools are cached in memory by default.")])
        }
        var registry = ToolRegistry()
        try registry.register(weather, definition: try ToolDefinition(tool: weather))
        try registry.register(search, definition: try ToolDefinition(tool: search))
        return registry
    }
}

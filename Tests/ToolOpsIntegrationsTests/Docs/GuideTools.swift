import ToolOps
import ToolOpsCore
import ToolOpsIntegrations
import ToolOpsTesting

/// The tools the per-framework guides (`Docs/integrations/`) show: the same names, descriptions,
/// field descriptions, input/output shapes and bodies as `toolops-example-server`'s `get_weather`
/// and `search_docs` (`Examples/ExampleServer/ExampleTools.swift`), duplicated here because an
/// executable's types cannot be imported by a test. Keep the two files in step.
enum GuideTools {
    struct WeatherQuery: Codable, Sendable, SchemaDescribed {
        enum Units: String, Codable, Sendable, CaseIterable { case celsius, fahrenheit }

        @Field("City name, for example \"Paris\" or \"São Paulo\"", minLength: 1) var city: String = ""
        @Field("Temperature units; celsius when omitted") var units: Units? = nil

        static var schemaExample: WeatherQuery? { WeatherQuery() }
    }

    struct Weather: Codable, Sendable {
        var city: String
        var temperature: Double
        var units: String
        var conditions: String
        /// Which reading of this server process this is (1, 2, …): a cached answer repeats it.
        var reading: Int

        /// A stable reading derived from the city name, so repeated runs agree.
        static func simulated(for query: WeatherQuery, reading: Int) -> Weather {
            let seed = query.city.lowercased().unicodeScalars.reduce(0) { ($0 * 31 + Int($1.value)) % 10_007 }
            let celsius = Double(seed % 35) - 5
            let fahrenheit = query.units == .fahrenheit
            let conditions = ["clear", "cloudy", "light rain", "windy", "fog"][seed % 5]
            return Weather(
                city: query.city, temperature: fahrenheit ? celsius * 9 / 5 + 32 : celsius,
                units: fahrenheit ? "fahrenheit" : "celsius", conditions: conditions, reading: reading)
        }
    }

    struct DocsQuery: Codable, Sendable, SchemaDescribed {
        @Field("Words to look for in the documentation", minLength: 1) var query: String = ""
        @Field("Most sections to return; 3 when omitted", minimum: 1, maximum: 10) var limit: Int? = nil

        static var schemaExample: DocsQuery? { DocsQuery() }
    }

    struct DocsResults: Codable, Sendable {
        struct Hit: Codable, Sendable {
            var title: String
            var snippet: String
        }
        var hits: [Hit]
    }

    enum DocsIndex {
        static let sections: [DocsResults.Hit] = [
            .init(title: "Caching", snippet: "Read-only tools are cached in memory by default; set the TTL per tool."),
            .init(title: "Retries", snippet: "Transient errors are retried with jittered exponential backoff."),
            .init(
                title: "Circuit breakers", snippet: "A tool that keeps failing is short-circuited until it recovers."),
            .init(title: "MCP server", snippet: "MCPToolServer serves a ToolRegistry to MCP clients over stdio."),
        ]

        static func search(_ query: DocsQuery) -> DocsResults {
            let words = query.query.lowercased().split(separator: " ").map(String.init)
            let scored = sections.map { hit in
                (hit, words.filter { "\(hit.title) \(hit.snippet)".lowercased().contains($0) }.count)
            }
            let hits = scored.filter { $0.1 > 0 }.sorted { $0.1 > $1.1 }.map(\.0)
            return DocsResults(hits: Array(hits.prefix(max(1, query.limit ?? 3))))
        }
    }

    /// A registry holding both tools, built as the example server builds them (`ToolRuntime.readonly`);
    /// its weather readings count from 1, as in a freshly started server.
    static func registry() throws -> ToolRegistry {
        let runtime = ToolRuntime(environment: ToolEnvironment(clock: ManualClock()))
        let readings = Counter()
        let weather = try runtime.readonly(
            "get_weather", description: "Current weather for a city (simulated data)."
        ) { (query: WeatherQuery) -> Weather in
            Weather.simulated(for: query, reading: readings.increment())
        }
        let search = try runtime.readonly(
            "search_docs", description: "Search the ToolOps documentation; returns the best-matching sections."
        ) { (query: DocsQuery) -> DocsResults in
            DocsIndex.search(query)
        }
        var registry = ToolRegistry()
        try registry.register(weather, definition: try ToolDefinition(tool: weather))
        try registry.register(search, definition: try ToolDefinition(tool: search))
        return registry
    }
}

import Logging
import Synchronization
import ToolOps
import ToolOpsIntegrations

/// The tools of `toolops-example-server`: simulated data, so the server runs anywhere without
/// keys or network. A library of their own so that tests and the integration guides use the very
/// tools the server serves.
public enum ExampleTools {
    /// `get_weather` and `search_docs`, built on `runtime` (cached, coalesced, retried), each body
    /// run logged to `logger`. Weather readings count from 1 in each registry, as in a freshly
    /// started server.
    public static func registry(runtime: ToolRuntime, logger: Logger? = nil) throws -> ToolRegistry {
        // Counts the weather readings taken, so a client can tell a cached answer (same `reading`)
        // from a fresh one.
        let readings = ReadingCounter()
        let weather = try runtime.readonly(
            "get_weather", description: "Current weather for a city (simulated data)."
        ) { (query: WeatherQuery) -> Weather in
            let reading = readings.next()
            logger?.info("get_weather body ran", metadata: ["city": "\(query.city)", "reading": "\(reading)"])
            return Weather.simulated(for: query, reading: reading)
        }
        let search = try runtime.readonly(
            "search_docs", description: "Search the ToolOps documentation; returns the best-matching sections."
        ) { (query: DocsQuery) -> DocsResults in
            logger?.info("search_docs body ran", metadata: ["query": "\(query.query)"])
            return DocsIndex.search(query)
        }
        var registry = ToolRegistry()
        try registry.register(weather, definition: try ToolDefinition(tool: weather))
        try registry.register(search, definition: try ToolDefinition(tool: search))
        return registry
    }
}

/// 1, 2, 3, … across threads.
final class ReadingCounter: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int { value.add(1, ordering: .relaxed).newValue }
}

public struct WeatherQuery: Codable, Sendable, SchemaDescribed {
    /// Temperature units.
    public enum Units: String, Codable, Sendable, CaseIterable { case celsius, fahrenheit }

    @Field("City name, for example \"Paris\" or \"São Paulo\"", minLength: 1) public var city: String = ""
    @Field("Temperature units; celsius when omitted") public var units: Units? = nil

    public init(city: String = "", units: Units? = nil) {
        self.city = city
        self.units = units
    }

    /// An instance carrying the `@Field` annotations, for the schema.
    public static var schemaExample: WeatherQuery? { WeatherQuery() }
}

public struct Weather: Codable, Sendable {
    public var city: String
    public var temperature: Double
    public var units: String
    public var conditions: String
    /// Which reading of this server process this is (1, 2, …): a cached answer repeats it.
    public var reading: Int

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

public struct DocsQuery: Codable, Sendable, SchemaDescribed {
    @Field("Words to look for in the documentation", minLength: 1) public var query: String = ""
    @Field("Most sections to return; 3 when omitted", minimum: 1, maximum: 10) public var limit: Int? = nil

    public init(query: String = "", limit: Int? = nil) {
        self.query = query
        self.limit = limit
    }

    /// An instance carrying the `@Field` annotations, for the schema.
    public static var schemaExample: DocsQuery? { DocsQuery() }
}

public struct DocsResults: Codable, Sendable {
    /// One matching section.
    public struct Hit: Codable, Sendable {
        public var title: String
        public var snippet: String
    }
    public var hits: [Hit]
}

enum DocsIndex {
    static let sections: [DocsResults.Hit] = [
        .init(title: "Caching", snippet: "Read-only tools are cached in memory by default; set the TTL per tool."),
        .init(title: "Retries", snippet: "Transient errors are retried with jittered exponential backoff."),
        .init(title: "Circuit breakers", snippet: "A tool that keeps failing is short-circuited until it recovers."),
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

import ToolOpsCore
import ToolOpsTesting

struct WeatherQuery: Codable, Sendable, Equatable {
    var city: String
    var days: Int = 3
    var units: String?

    init(city: String, days: Int = 3, units: String? = nil) {
        self.city = city
        self.days = days
        self.units = units
    }

    // A default applied when the field is missing, as agents often omit it.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        city = try container.decode(String.self, forKey: .city)
        days = try container.decodeIfPresent(Int.self, forKey: .days) ?? 3
        units = try container.decodeIfPresent(String.self, forKey: .units)
    }
}

struct Forecast: Codable, Sendable, Equatable {
    var city: String
    var temperatures: [Double]
}

struct Filters: Codable, Sendable, Equatable {
    var limit: Int
    var tags: [String]
}

struct SearchQuery: Codable, Sendable, Equatable {
    var text: String
    var filters: Filters
}

struct AuthorizedQuery: Codable, Sendable, Equatable {
    var city: String
    var api_key: String
    var user_id: String
}

func makeTool<Input: ToolValue, Output: ToolValue>(
    _ name: String,
    sensitive: SensitiveArguments = SensitiveArguments(),
    observer: any ToolObserver = NoOpObserver(),
    body: @escaping @Sendable (Input) async throws -> Output
) throws -> Tool<Input, Output> {
    try Tool(
        ToolDescriptor(name: name, sensitive: sensitive),
        environment: ToolEnvironment(clock: ManualClock(), observer: observer),
        body: body
    )
}

/// The arguments and results of the simulated tools: plain `Codable` values, as an LLM tool has.

/// `get_weather(city)`.
struct CityQuery: Codable, Sendable, Hashable {
    var city: String
}

/// The weather in a city.
struct WeatherReport: Codable, Sendable, Hashable {
    var city: String
    var temperatureC: Int
    var conditions: String
}

/// `search_docs(query)`.
struct DocsQuery: Codable, Sendable, Hashable {
    var query: String
}

/// The documents matching a query.
struct DocsResult: Codable, Sendable, Hashable {
    var query: String
    var hits: [String]
}

/// `get_stock_price(symbol)`.
struct SymbolQuery: Codable, Sendable, Hashable {
    var symbol: String
}

/// A stock price.
struct StockQuote: Codable, Sendable, Hashable {
    var symbol: String
    var price: Double
}

/// `create_ticket(title)`.
struct TicketRequest: Codable, Sendable, Hashable {
    var title: String
}

/// The ticket created.
struct TicketReceipt: Codable, Sendable, Hashable {
    var id: String
}

import Foundation
import Testing
import ToolOps
import ToolOpsTesting

/// The README's quickstart, compiled and run: if the README's code stops working, this fails.
@Suite("README quickstart")
struct QuickstartTests {
    struct WeatherQuery: Codable, Sendable { var city: String }
    struct Weather: Codable, Sendable, Equatable { var city: String; var celsius: Double }
    struct StockQuery: Codable, Sendable { var symbol: String }
    struct Email: Codable, Sendable { var to: String; var body: String }

    @Test("the one-line builders give cached, coalesced, guarded tools with the documented defaults")
    func quickstart() async throws {
        let runtime = ToolRuntime(environment: ToolEnvironment(clock: ManualClock()))
        let cacheDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: cacheDirectory) }
        runtime.stores.register("file", try FileCache(configuration: .init(directory: cacheDirectory)))
        let api = Counter()

        let weather = try runtime.readonly("get_weather", description: "Current weather for a city") {
            (query: WeatherQuery) -> Weather in
            api.increment()
            return Weather(city: query.city, celsius: 21.5)
        }
        let paris = try await weather(WeatherQuery(city: "Paris"))
        let json = try await weather.call(arguments: ["city": "Paris"])
        #expect(paris == Weather(city: "Paris", celsius: 21.5))
        #expect(json == ["city": "Paris", "celsius": 21.5])
        #expect(api.value == 1, "the JSON call is a cache hit of the typed one")
        #expect(weather.stages == [.cacheLookup, .coalesce, .cacheFill, .retry, .breaker, .timeout])

        let prices = try runtime.readonly(
            "get_stock_price",
            options: ReadOnlyOptions(cache: "file", ttl: .seconds(30), staleIfError: true, tags: ["market"])
        ) { (query: StockQuery) in query.symbol.count * 10 }
        #expect(try await prices(StockQuery(symbol: "ACME")) == 40)
        #expect(runtime.storeName(for: prices.id) == "file")

        let sent = Counter()
        let sendEmail = try runtime.sideeffect("send_email") { (_: Email) in sent.increment() }
        _ = try await sendEmail(Email(to: "a@b.c", body: "receipt"), options: CallOptions(idempotencyKey: "receipt-1"))
        _ = try await sendEmail(Email(to: "a@b.c", body: "receipt"))
        #expect(sent.value == 2, "side effects are never cached")
        #expect(sendEmail.stages == [.retry, .breaker, .timeout])
    }
}

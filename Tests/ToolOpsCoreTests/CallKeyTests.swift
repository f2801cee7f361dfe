import Testing
import ToolOpsCore
import ToolOpsTesting

@Suite("Canonical call keys")
struct CallKeyTests {
    let tool = try! makeTool("get_weather") { (query: WeatherQuery) in Forecast(city: query.city, temperatures: []) }

    @Test("the key is SHA-256 of name, version and canonical arguments — the same on every machine")
    func keyIsStableAcrossMachines() throws {
        // Independently computed with Python's hashlib over the documented key material.
        let key = try tool.key(for: WeatherQuery(city: "Paris", days: 3))
        #expect(key.digest == "6e23a66e13e58e7c951800e4a69c439abac708c611fa425761e52954d82f49bc")
        #expect(key.tool == ToolID(name: "get_weather", version: "1"))
    }

    @Test("same arguments in a different order give the same key")
    func argumentOrderDoesNotMatter() throws {
        let first = CallKey(tool: tool.id, canonicalArguments: try JSONValue(parsing: #"{"city":"Paris","days":3}"#))
        let second = CallKey(tool: tool.id, canonicalArguments: try JSONValue(parsing: #"{"days":3,"city":"Paris"}"#))
        #expect(first == second)
        #expect(first.digest == second.digest)
    }

    @Test("numbers are normalised: 3 and 3.0 give the same key")
    func numbersAreNormalised() throws {
        let integer = CallKey(tool: tool.id, canonicalArguments: try JSONValue(parsing: #"{"n":3}"#))
        let float = CallKey(tool: tool.id, canonicalArguments: try JSONValue(parsing: #"{"n":3.0}"#))
        #expect(integer.digest == float.digest)
        let other = CallKey(tool: tool.id, canonicalArguments: try JSONValue(parsing: #"{"n":3.5}"#))
        #expect(other.digest != integer.digest)
    }

    @Test("defaulted parameters do not change the key: JSON without them equals the typed call")
    func defaultsAreApplied() async throws {
        let recorder = RecordingObserver()
        let tool = try makeTool("get_weather", observer: recorder) { (query: WeatherQuery) in
            Forecast(city: query.city, temperatures: [Double(query.days)])
        }
        _ = try await tool.call(arguments: ["city": "Paris"])
        _ = try await tool.call(arguments: ["city": "Paris", "days": 3, "units": nil])
        _ = try await tool(WeatherQuery(city: "Paris"))
        let keys = Set(recorder.events.compactMap(\.key))
        #expect(keys.count == 1)
        #expect(keys.first == (try tool.key(for: WeatherQuery(city: "Paris", days: 3))))
    }

    @Test("tool identity is the declared name plus version, never the body")
    func nameAndVersionAreIdentity() throws {
        let body: @Sendable (WeatherQuery) async throws -> Forecast = { Forecast(city: $0.city, temperatures: []) }
        let a = try Tool(ToolDescriptor(name: "weather_a"), body: body)
        let b = try Tool(ToolDescriptor(name: "weather_b"), body: body)
        let a2 = try Tool(ToolDescriptor(name: "weather_a", version: "2"), body: body)
        let input = WeatherQuery(city: "Paris")
        let keys = [try a.key(for: input), try b.key(for: input), try a2.key(for: input)]
        #expect(Set(keys.map(\.digest)).count == 3)
    }

    @Test("a sensitive argument is hashed into the key, never dropped")
    func sensitiveArgumentChangesKey() throws {
        let tool = try makeTool("orders", sensitive: ["user_id"]) { (query: AuthorizedQuery) in query.city }
        let alice = try tool.key(for: AuthorizedQuery(city: "Paris", api_key: "sk-alice-0001", user_id: "alice"))
        let bob = try tool.key(for: AuthorizedQuery(city: "Paris", api_key: "sk-alice-0001", user_id: "bob"))
        let otherKey = try tool.key(for: AuthorizedQuery(city: "Paris", api_key: "sk-bob-0002", user_id: "alice"))
        #expect(alice != bob)
        #expect(alice != otherKey)
        let hashed = CanonicalArguments(
            ["api_key": "sk-alice-0001", "user_id": "alice", "city": "Paris"],
            sensitive: ["user_id"]
        ).hashed
        #expect(!hashed.description.contains("sk-alice-0001"))
        #expect(!hashed.description.contains("alice\""))
        #expect(hashed["city"] == "Paris")
        #expect(hashed["api_key"]?.stringValue?.hasPrefix("sha256:") == true)
    }

    @Test("common secret names are sensitive without marking; ordinary names are not")
    func commonSecretNames() {
        let sensitive = SensitiveArguments()
        let secretNames = [
            "api_key", "apiKey", "X-Api-Key", "access_token", "password", "client_secret", "Authorization",
            "sessionID", "refreshToken", "AWS_SECRET_ACCESS_KEY", "private-key",
        ]
        for name in secretNames {
            #expect(sensitive.isSensitive(name), "\(name)")
        }
        for name in ["city", "query", "limit", "days", "max_tokens", "keyword", "monkey", "author", "keyboard_layout"] {
            #expect(!sensitive.isSensitive(name), "\(name)")
        }
        #expect(!SensitiveArguments(names: [], matchesCommonNames: false).isSensitive("api_key"))
    }
}

@Suite("Event kinds")
struct EventKindTests {
    @Test("every kind's index points at its own name")
    func indexMatchesName() {
        let error = ToolError.upstream("x")
        let kinds: [ToolEvent.Kind] = [
            .started, .cacheHit(store: "m"), .cacheMiss(store: "m"), .staleServed(store: "m", age: .zero),
            .cacheWritten(store: "m", bytes: 1), .cacheError(store: "m", error: error), .coalesced,
            .coalescedRemote(store: "m"),
            .retry(attempt: 1, delay: .zero, error: error), .breakerTransition(from: .closed, to: .open),
            .rejected(.circuitOpen), .timedOut(after: .zero, attempt: 1), .fallbackUsed(error: error),
            .upstreamCalled(attempt: 1), .succeeded(duration: .zero), .failed(duration: .zero, error: error),
        ]
        #expect(kinds.count == ToolEvent.Kind.allNames.count)
        for kind in kinds {
            #expect(ToolEvent.Kind.allNames[kind.index] == kind.name)
        }
    }
}

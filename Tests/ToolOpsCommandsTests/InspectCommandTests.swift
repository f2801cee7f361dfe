import Testing
import ToolOps
import ToolOpsCommands
import ToolOpsConfiguration
import ToolOpsTesting

@Suite("toolops inspect")
struct InspectCommandTests {
    static let arguments = #"{"query":"swift","token":"\#(AppFixture.token)"}"#

    @Test("an entry is fresh, then stale, then absent as the injected clock moves")
    func freshness() async throws {
        let app = try AppFixture()
        try await app.populate()
        let storedAt = app.clock.now()
        let command = ["inspect", "--tool", "search_docs", "--args", Self.arguments, "--json"]

        let fresh = try JSONObject(await CommandRun.run(command, application: app).standardOutput)
        #expect(fresh["status"]?.string == "fresh")
        #expect(fresh["store"]?.string == "file")
        #expect(fresh["tool"]?.string == "search_docs@2")
        #expect(fresh["keySource"]?.string == "tool")
        #expect(fresh["storedAt"]?.string == "2024-01-01T00:00:00Z")
        #expect(fresh["expires"]?.string == "2024-01-01T00:01:00Z")
        #expect(fresh["staleUntil"]?.string == "2024-01-01T00:11:00Z")
        #expect(fresh["tags"]?.array.map(\.string) == ["docs"])
        let entry = try #require(
            try app.file.entry(for: app.search.key(for: SearchQuery(query: "swift", token: AppFixture.token))))
        #expect(fresh["size"]?.int == entry.payload.count)
        #expect(entry.storedAt == storedAt)

        app.clock.advance(by: .seconds(61))
        let stale = try JSONObject(await CommandRun.run(command, application: app).standardOutput)
        #expect(stale["status"]?.string == "stale")
        #expect(stale["checkedAt"]?.string == "2024-01-01T00:01:01Z")

        app.clock.advance(by: .seconds(600))
        let absent = try JSONObject(await CommandRun.run(command, application: app).standardOutput)
        #expect(absent["status"]?.string == "absent")
        #expect(absent["storedAt"] == nil)
    }

    @Test("the key is the app's tool's key, and the token's value never appears in any output")
    func masksSensitiveArguments() async throws {
        let app = try AppFixture()
        try await app.populate()
        let key = try app.search.key(for: SearchQuery(query: "swift", token: AppFixture.token))

        for format in [[], ["--json"]] {
            let run = await CommandRun.run(
                ["inspect", "--tool", "search_docs", "--args", Self.arguments] + format, application: app)
            #expect(run.error == nil, "\(run.errorMessage)")
            #expect(run.standardOutput.contains(key.digest))
            let arguments =
                format.isEmpty
                ? run.standardOutput.split(separator: "\n").first { $0.hasPrefix("arguments ") }.map(String.init)
                : try JSONObject(run.standardOutput)["arguments"]?.string
            #expect(arguments?.hasSuffix(#"{"query":"swift","token":"***"}"#) == true)
            #expect(!run.standardOutput.contains(AppFixture.token))
            #expect(!run.standardError.contains(AppFixture.token))
        }
        let text = await CommandRun.run(
            ["inspect", "--tool", "search_docs", "--args", Self.arguments], application: app)
        #expect(text.standardOutput.contains("status       fresh at 2024-01-01T00:00:00Z"))
    }

    @Test("without the app's tools the key is derived from name, version and JSON, the same key")
    func derivedKey() async throws {
        let app = try AppFixture()
        try await app.populate()
        let bare = BareApplication(stores: app.runtime.stores, clock: app.clock)
        let key = try app.search.key(for: SearchQuery(query: "swift", token: AppFixture.token))

        let run = await CommandRun.run(
            [
                "inspect", "--tool", "search_docs", "--version", "2", "--args", Self.arguments, "--store", "file",
                "--json",
            ],
            application: bare)
        let json = try JSONObject(run.standardOutput)
        #expect(json["keySource"]?.string == "derived")
        #expect(json["key"]?.string == key.digest)
        #expect(json["status"]?.string == "fresh")
        #expect(!run.standardOutput.contains(AppFixture.token))

        let otherVersion = await CommandRun.run(
            ["inspect", "--tool", "search_docs", "--args", Self.arguments, "--store", "file", "--json"],
            application: bare)
        #expect(try JSONObject(otherVersion.standardOutput)["status"]?.string == "absent")
    }

    @Test("bad --args JSON is a one-line error that does not echo the arguments")
    func badJSON() async throws {
        let app = try AppFixture()
        let run = await CommandRun.run(
            ["inspect", "--tool", "search_docs", "--args", #"{"token": "\#(AppFixture.token)" "#], application: app)
        #expect(run.exitCode == 1)
        #expect(run.errorMessage.hasPrefix("--args is not valid JSON: "))
        #expect(!run.errorMessage.contains("\n"))
        #expect(!run.errorMessage.contains(AppFixture.token))
    }

    @Test("arguments that do not fit the app's tool are a one-line error naming the field")
    func argumentsDoNotFit() async throws {
        let app = try AppFixture()
        let run = await CommandRun.run(
            ["inspect", "--tool", "search_docs", "--args", #"{"query": 3, "token": "x"}"#], application: app)
        #expect(run.exitCode == 1)
        #expect(run.errorMessage.hasPrefix("--args do not fit tool 'search_docs': "))
        #expect(run.errorMessage.contains("query"))
        #expect(!run.errorMessage.contains("\n"))
    }

    struct OrdersQuery: Codable, Sendable {
        var user_id: String
    }

    /// An app that built `get_orders` version 2 only, declaring `user_id` sensitive and caching
    /// in the store `orders`.
    struct OrdersApp: ToolOpsApplication {
        let runtime: ToolRuntime
        let tool: Tool<OrdersQuery, [String]>

        init() throws {
            let clock = ManualClock()
            let stores = CacheStoreRegistry()
            stores.register("memory", MemoryCache(configuration: .init(clock: clock)))
            stores.register("orders", MemoryCache(configuration: .init(clock: clock)))
            runtime = ToolRuntime(environment: ToolEnvironment(clock: clock), stores: stores)
            tool = try runtime.readonly(
                "get_orders", version: "2", sensitive: ["user_id"],
                options: ReadOnlyOptions(cache: "orders", retries: 0, timeout: nil, circuitBreaker: false)
            ) { (query: OrdersQuery) in ["order of \(query.user_id.count)"] }
        }

        func makeRuntime(configuration: ToolOpsConfiguration) async throws -> ToolRuntime { runtime }
    }

    @Test("a version the app did not build: the built version's sensitive arguments and store, and a note saying so")
    func otherVersion() async throws {
        let app = try OrdersApp()
        let secret = "alice-42"
        for format in [[], ["--json"]] {
            let run = await CommandRun.run(
                ["inspect", "--tool", "get_orders", "--version", "1", "--args", #"{"user_id":"\#(secret)"}"#]
                    + format,
                application: app)
            #expect(run.error == nil, "\(run.errorMessage)")
            #expect(!run.standardOutput.contains(secret))
            #expect(!run.standardError.contains(secret))
            let arguments =
                format.isEmpty
                ? run.standardOutput.split(separator: "\n").first { $0.hasPrefix("arguments ") }.map(String.init)
                : try JSONObject(run.standardOutput)["arguments"]?.string
            #expect(arguments?.hasSuffix(#"{"user_id":"***"}"#) == true)
            #expect(run.standardOutput.contains("version 1 of 'get_orders' is not built in this app (built: 2)"))
        }
        let json = try JSONObject(
            await CommandRun.run(
                [
                    "inspect", "--tool", "get_orders", "--version", "1", "--args", #"{"user_id":"\#(secret)"}"#,
                    "--json",
                ],
                application: app
            ).standardOutput)
        #expect(json["store"]?.string == "orders")
        #expect(json["keySource"]?.string == "derived")
        #expect(json["tool"]?.string == "get_orders@1")
        // The key hashes user_id as version 2 does, under version 1.
        let expected = CallKey(
            tool: ToolID(name: "get_orders", version: "1"),
            canonicalArguments: CanonicalArguments(.object(["user_id": .string(secret)]), sensitive: ["user_id"]).hashed
        )
        #expect(json["key"]?.string == expected.digest)
    }

    @Test("the version the app built, asked for by number, is the app's own tool")
    func builtVersion() async throws {
        let app = try OrdersApp()
        _ = try await app.tool(OrdersQuery(user_id: "alice-42"))
        let run = await CommandRun.run(
            ["inspect", "--tool", "get_orders", "--version", "2", "--args", #"{"user_id":"alice-42"}"#, "--json"],
            application: app)
        let json = try JSONObject(run.standardOutput)
        #expect(json["keySource"]?.string == "tool")
        #expect(json["status"]?.string == "fresh")
        #expect(json["store"]?.string == "orders")
        #expect(json["note"] == nil)
        #expect(!run.standardOutput.contains("alice-42"))
    }
}

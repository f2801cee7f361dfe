import Testing
import ToolOps
import ToolOpsCommands
import ToolOpsTesting

@Suite("toolops stats")
struct StatsCommandTests {
    @Test("JSON figures per store and per tool match what the tools stored")
    func jsonMatchesStore() async throws {
        let app = try AppFixture()
        try await app.populate()
        _ = try await app.search(SearchQuery(query: "swift", token: AppFixture.token))  // a hit

        let run = await CommandRun.run(["stats", "--json", "--store", "file"], application: app)
        #expect(run.error == nil, "\(run.errorMessage)")
        let json = try JSONObject(run.standardOutput)
        #expect(json["stores"]?.array.count == 1)
        let store = try #require(json["stores"]?[0])
        let swiftKey = try app.search.key(for: SearchQuery(query: "swift", token: AppFixture.token))
        let yamlKey = try app.search.key(for: SearchQuery(query: "yaml", token: AppFixture.token))
        let parisKey = try app.weather.key(for: City(city: "Paris"))
        let searchBytes = try app.fileSize(of: swiftKey) + app.fileSize(of: yamlKey)
        let weatherBytes = try app.fileSize(of: parisKey)
        #expect(store["store"]?.string == "file")
        #expect(store["kind"]?.string == "file")
        #expect(store["namespace"]?.string == "app")
        #expect(store["entries"]?.int == 3)
        #expect(store["bytes"]?.int == searchBytes + weatherBytes)
        #expect(store["hits"]?.int == 1)
        #expect(store["misses"]?.int == 3)
        #expect(store["writes"]?.int == 3)
        #expect(store["hitRate"]?.double == 0.25)
        let tools = try #require(store["tools"]).array
        #expect(tools.map { $0["tool"]?.string } == ["search_docs", "get_weather"])
        #expect(tools[0]["entries"]?.int == 2)
        #expect(tools[0]["bytes"]?.int == searchBytes)
        #expect(tools[1]["entries"]?.int == 1)
        #expect(tools[1]["bytes"]?.int == weatherBytes)
        #expect(run.standardError.isEmpty)
    }

    @Test("the table shows each store, the top tools with bars, and the hit rate")
    func table() async throws {
        let app = try AppFixture()
        try await app.populate()
        _ = try await app.search(SearchQuery(query: "swift", token: AppFixture.token))

        let run = await CommandRun.run(["stats"], application: app)
        #expect(run.error == nil, "\(run.errorMessage)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        let fileLine = try #require(lines.first { $0.hasPrefix("file ") })
        #expect(fileLine.split(separator: " ").prefix(3) == ["file", "file", "3"])
        #expect(fileLine.contains("25.0%"))
        #expect(lines.contains { $0.hasPrefix("memory ") })
        #expect(lines.contains { $0.hasPrefix("neighbour ") })
        let searchLine = try #require(lines.first { $0.contains("search_docs") })
        let weatherLine = try #require(lines.first { $0.contains("get_weather") })
        #expect(searchLine.split(separator: " ")[1] == "2")
        // The tool with most entries gets the full 20-block bar, the other half of it.
        #expect(searchLine.hasSuffix(String(repeating: "█", count: 20)))
        #expect(weatherLine.hasSuffix(" " + String(repeating: "█", count: 10)))
        #expect(lines.firstIndex(of: searchLine)! < lines.firstIndex(of: weatherLine)!)
    }

    @Test("--top limits the tools listed in the table and says how many were left out")
    func top() async throws {
        let app = try AppFixture()
        try await app.populate()
        let run = await CommandRun.run(["stats", "--store", "file", "--top", "1"], application: app)
        #expect(run.standardOutput.contains("search_docs"))
        #expect(!run.standardOutput.contains("get_weather"))
        #expect(run.standardOutput.contains("and 1 more tools"))
    }

    @Test("stale serves come from the app's statistics, per tool and per store")
    func staleServes() async throws {
        let app = try AppFixture()
        try await app.populate()
        app.clock.advance(by: .seconds(61))
        app.weatherIsDown.set(true)
        #expect(try await app.weather(City(city: "Paris")) == Weather(celsius: 5))  // served stale

        let run = await CommandRun.run(["stats", "--json", "--store", "file"], application: app)
        let store = try #require(try JSONObject(run.standardOutput)["stores"]?[0])
        #expect(store["staleServes"]?.int == 1)
        #expect(store["tools"]?.element(where: "tool", is: "get_weather")?["staleServes"]?.int == 1)
        #expect(store["tools"]?.element(where: "tool", is: "search_docs")?["staleServes"]?.int == 0)
    }

    @Test("an unknown store is a one-line error listing the stores, exit status 1")
    func unknownStore() async throws {
        let app = try AppFixture()
        let run = await CommandRun.run(["stats", "--store", "shraed"], application: app)
        #expect(run.exitCode == 1)
        #expect(
            run.errorMessage
                == "unknown store 'shraed'; the stores are 'memory', 'file', 'neighbour' (see `toolops config check`)")
        #expect(run.standardOutput.isEmpty)
    }
}

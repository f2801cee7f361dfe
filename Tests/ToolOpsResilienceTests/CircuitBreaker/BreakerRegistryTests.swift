import Testing
import ToolOpsCore
import ToolOpsResilience
import ToolOpsTesting

@Suite("Breaker registry", .timeLimit(.minutes(1)))
struct BreakerRegistryTests {
    let harness = Harness()
    let weather = ToolID(name: "get_weather")
    let news = ToolID(name: "get_news")

    @Test("the same tool gets the same breaker, another tool another one")
    func onePerTool() {
        let registry = BreakerRegistry()
        let first = registry.breaker(for: weather)
        #expect(registry.breaker(for: weather) === first)
        #expect(registry.breaker(for: news) !== first)
        #expect(registry.breaker(for: ToolID(name: "get_weather", version: "2")) !== first)
        #expect(registry.existingBreaker(for: ToolID(name: "unknown")) == nil)
    }

    @Test("two tools with the same body never share a breaker")
    func toolsDoNotShare() async throws {
        let registry = BreakerRegistry()
        let configuration = CircuitBreaker.Configuration(mode: .consecutiveFailures(threshold: 1))
        func tool(_ name: String, _ upstream: ScriptedUpstream<String>) throws -> Tool<Query, String> {
            let breaker = registry.breaker(for: ToolID(name: name), configuration: configuration)
            return try harness.tool(
                name, pipeline: pipeline((CircuitBreakerMiddleware(breaker: breaker), .breaker)), upstream: upstream)
        }
        let failing = try tool("get_weather", ScriptedUpstream([.fail(unavailable)]))
        let healthy = try tool("get_news", ScriptedUpstream([.succeed("headlines")]))

        await #expect(throws: ToolError.self) { try await failing(Query()) }
        #expect(try await healthy(Query()) == "headlines")
        #expect(registry.states == [weather: .open, news: .closed])
    }

    @Test("reset closes one tool's circuit or every circuit")
    func reset() throws {
        let registry = BreakerRegistry()
        let now = harness.clock.now()
        for tool in [weather, news] {
            let breaker = registry.breaker(for: tool, configuration: .init(mode: .consecutiveFailures(threshold: 1)))
            breaker.record(try breaker.acquire(now: now), outcome: .failure, duration: .zero, now: now)
        }

        #expect(registry.reset(weather) == 1)
        #expect(registry.states == [weather: .closed, news: .open])
        #expect(registry.reset() == 1)
        #expect(registry.states == [weather: .closed, news: .closed])
        #expect(registry.statistics[news]?.timesOpened == 1)
    }
}

import Testing
import ToolOpsCore
import ToolOpsTesting

@Suite("Calling tools")
struct ToolCallTests {
    @Test("invalid JSON arguments give a typed error naming the field")
    func invalidArgumentsNameTheField() async throws {
        let upstream = ScriptedUpstream<String>([.succeed("ok")])
        let tool = try makeTool("search") { (_: SearchQuery) in try await upstream() }
        let wrongType = await #expect(throws: ToolError.self) {
            try await tool.call(arguments: ["text": "swift", "filters": ["limit": "ten", "tags": []]])
        }
        #expect(wrongType?.code == .invalidArguments)
        #expect(wrongType?.field == "filters.limit")
        #expect(wrongType?.message.contains("expected an integer, got string") == true)

        let missing = await #expect(throws: ToolError.self) {
            try await tool.call(arguments: ["filters": ["limit": 1, "tags": []]])
        }
        #expect(missing?.code == .invalidArguments)
        #expect(missing?.field == "text")

        let arrayElement = await #expect(throws: ToolError.self) {
            try await tool.call(arguments: ["text": "x", "filters": ["limit": 1, "tags": ["a", 2]]])
        }
        #expect(arrayElement?.field == "filters.tags[1]")

        let malformed = await #expect(throws: ToolError.self) { try await tool.call(json: #"{"text": "x", }"#) }
        #expect(malformed?.code == .invalidArguments)
        #expect(malformed?.tool == "search")
        #expect(upstream.calls == 0)
    }

    @Test("an invalid value of a sensitive field is not echoed in the error")
    func sensitiveInvalidValueMasked() async throws {
        struct Login: Codable, Sendable { var password: Int }
        let tool = try makeTool("login") { (_: Login) in "ok" }
        let error = await #expect(throws: ToolError.self) {
            try await tool.call(arguments: ["password": "hunter2-secret"])
        }
        #expect(error?.field == "password")
        #expect(error?.description.contains("hunter2") == false)
    }

    @Test("JSON and typed calls go through the same pipeline and return the same value")
    func jsonAndTypedCallsAgree() async throws {
        let tool = try makeTool("get_weather") { (query: WeatherQuery) in
            Forecast(city: query.city, temperatures: Array(repeating: 20.5, count: query.days))
        }
        let typed = try await tool(WeatherQuery(city: "Oslo", days: 2))
        let json = try await tool.call(arguments: ["city": "Oslo", "days": 2])
        #expect(try JSONValueDecoder().decode(Forecast.self, from: json) == typed)
    }

    @Test("a body's error becomes an upstream ToolError with the original kept and secrets masked")
    func upstreamErrorsAreWrappedAndMasked() async throws {
        struct Leaky: Error, CustomStringConvertible { let description: String }
        let recorder = RecordingObserver()
        let tool = try makeTool("orders", sensitive: ["user_id"], observer: recorder) {
            (query: AuthorizedQuery) -> String in
            throw Leaky(description: "401 for key \(query.api_key) and user \(query.user_id)")
        }
        let error = await #expect(throws: ToolError.self) {
            try await tool(AuthorizedQuery(city: "Paris", api_key: "sk-live-123456", user_id: "user-98765"))
        }
        #expect(error?.code == .upstream)
        #expect(error?.isRetryable == true)
        #expect(error?.underlying is Leaky)
        #expect(error?.message == "401 for key *** and user ***")
        for event in recorder.events {
            let text = String(describing: event)
            #expect(!text.contains("sk-live-123456"))
            #expect(!text.contains("user-98765"))
        }
        #expect(recorder.names == ["started", "upstream_called", "failed"])
    }

    @Test("invalid tool names and versions are rejected when the tool is built")
    func invalidNamesRejected() {
        for name in ["", "has space", String(repeating: "x", count: 65), "emoji🙂"] {
            let error = #expect(throws: ToolError.self) { try makeTool(name) { (q: WeatherQuery) in q.city } }
            #expect(error?.code == .misconfigured)
            #expect(error?.field == "name")
        }
        let version = #expect(throws: ToolError.self) {
            try Tool(ToolDescriptor(name: "ok", version: "1 0")) { (q: WeatherQuery) in q.city }
        }
        #expect(version?.field == "version")
    }

    @Test("custom middleware runs in stage order around the body")
    func pipelineOrder() async throws {
        struct Tagging: ToolMiddleware {
            let label: String
            func handle(
                _ call: ToolCall<WeatherQuery, String>, next: @escaping ToolNext<WeatherQuery, String>
            ) async throws -> String {
                "\(label)(\(try await next(call)))"
            }
        }
        var pipeline = ToolPipeline<WeatherQuery, String>()
        pipeline.add(Tagging(label: "retry"), at: .retry)
        pipeline.add(Tagging(label: "lookup"), at: .cacheLookup)
        pipeline.add(Tagging(label: "custom"), at: PipelineStage(rawValue: 650))
        pipeline.add(Tagging(label: "lookup2"), at: .cacheLookup)
        let tool = try Tool(ToolDescriptor(name: "t"), pipeline: pipeline) { (q: WeatherQuery) in q.city }
        #expect(try await tool(WeatherQuery(city: "x")) == "lookup(lookup2(custom(retry(x))))")
        #expect(tool.stages == [.cacheLookup, .cacheLookup, PipelineStage(rawValue: 650), .retry])
    }
}

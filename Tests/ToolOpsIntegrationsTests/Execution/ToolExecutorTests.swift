import Testing
import ToolOpsCore
import ToolOpsIntegrations
import ToolOpsTesting

@Suite("Executing tool calls", .timeLimit(.minutes(1))) struct ToolExecutorTests {
    func registry(_ tools: any JSONTool..., schema: JSONValue = Schemas.weather) throws -> ToolRegistry {
        var registry = ToolRegistry()
        for tool in tools { try registry.register(tool, definition: definition(tool, schema: schema)) }
        return registry
    }

    func call(
        _ id: String, _ name: String = "get_weather", _ arguments: JSONValue = ["city": "Paris"]
    )
        -> ToolCallRequest
    {
        ToolCallRequest(id: id, name: name, arguments: arguments)
    }

    @Test("a valid call returns the tool's output as JSON text") func aValidCallReturnsTheToolS() async throws {
        let executor = ToolExecutor(registry: try registry(weatherTool()))
        let results = await executor.execute([call("c1")])
        #expect(results.map(\.callID) == ["c1"])
        #expect(results.first?.isError == false)
        #expect(results.first?.content == #"{"city":"Paris","temperature":20}"#)
    }

    @Test("independent calls run in parallel") func independentCallsRunInParallel() async throws {
        let gate = Gate()
        let executor = ToolExecutor(registry: try registry(weatherTool(gate: gate)))
        let running = Task { await executor.execute([call("c1"), call("c2", "get_weather", ["city": "Oslo"])]) }
        // Both bodies are in flight before either may finish: a sequential executor never gets here.
        await gate.waitForWaiters(2)
        gate.open()
        let results = await running.value
        #expect(
            results.map(\.content) == [#"{"city":"Paris","temperature":20}"#, #"{"city":"Oslo","temperature":20}"#])
    }

    @Test("each call has its own timeout; a timed-out call does not affect the other") func eachCallHasItsOwnTimeoutA()
        async throws
    {
        let stuck = Gate()
        let slow = Gate()
        let clock = ManualClock()
        let configuration = ToolExecutor.Configuration(timeout: .seconds(60), timeouts: ["stuck": .seconds(5)])
        let executor = ToolExecutor(
            registry: try registry(weatherTool(name: "stuck", gate: stuck), weatherTool(gate: slow)),
            configuration: configuration, clock: clock)
        let running = Task { await executor.execute([call("c1", "stuck"), call("c2")]) }
        await stuck.waitForWaiters(1)
        await slow.waitForWaiters(1)
        await clock.waitForSleepers(2)
        clock.advance(by: .seconds(5))
        // The stuck call's result waits for its cancelled body; the other call is still running.
        slow.open()
        let results = await running.value
        #expect(results.map(\.callID) == ["c1", "c2"])
        #expect(results[0].failure?.code == "timeout")
        #expect(results[0].failure?.message.contains("longer than 5.0 seconds") == true)
        #expect(results[1].content == #"{"city":"Paris","temperature":20}"#)
        #expect(stuck.waiting == 0)
    }

    @Test("a failing call yields an error for that call only, in input order") func aFailingCallYieldsAnErrorFor()
        async throws
    {
        let failing = try Tool<Empty, Empty>(ToolDescriptor(name: "explode")) { _ in
            throw ToolError.upstream("the service answered 503", retryable: true)
        }
        let executor = ToolExecutor(
            registry: try registry(weatherTool(), failing, schema: ["type": "object"]))
        let results = await executor.execute([call("c1", "explode", [:]), call("c2")])
        #expect(results.map(\.isError) == [true, false])
        #expect(
            results[0].content
                == #"{"error":{"code":"upstream","message":"the service answered 503","retryable":true,"tool":"explode"}}"#
        )
        #expect(results[1].content == #"{"city":"Paris","temperature":20}"#)
    }

    @Test("invalid arguments never reach the tool body") func invalidArgumentsNeverReachTheToolBody() async throws {
        let runs = Counter()
        let executor = ToolExecutor(registry: try registry(weatherTool(runs: runs)))
        let results = await executor.execute([call("c1", "get_weather", ["citty": "Paris", "units": "kelvin"])])
        #expect(runs.value == 0)
        let failure = try #require(results.first?.failure)
        guard case .invalidArguments(let tool, let violations) = failure else {
            Issue.record("expected invalidArguments, got \(failure)")
            return
        }
        #expect(tool == "get_weather")
        #expect(violations.map(\.path) == ["citty", "units", "city"])
        #expect(violations.first?.suggestion == "city")
        let error = try #require(try JSONValue(parsing: results[0].content)["error"])
        #expect(error["code"] == "invalidArguments")
        #expect(error["violations"]?.arrayValue?.first?["did_you_mean"] == "city")
        #expect(error["violations"]?.arrayValue?[1]["expected"] == #"one of "c", "f""#)
    }

    @Test("values of sensitive fields are masked in validation errors") func valuesOfSensitiveFieldsAreMaskedIn()
        async throws
    {
        let login = try Tool<Empty, Empty>(ToolDescriptor(name: "login", sensitive: ["password"])) { _ in Empty() }
        let schema: JSONValue = ["type": "object", "properties": ["password": ["type": "string", "minLength": 12]]]
        let executor = ToolExecutor(registry: try registry(login, schema: schema))
        let results = await executor.execute([call("c1", "login", ["password": "hunter2"])])
        #expect(results[0].content.contains("hunter2") == false)
        #expect(results[0].content.contains("(masked)"))
    }

    @Test("an unknown tool gets an error with the closest name") func anUnknownToolGetsAnErrorWith() async throws {
        let runs = Counter()
        let executor = ToolExecutor(registry: try registry(weatherTool(runs: runs)))
        let results = await executor.execute([call("c1", "get_wether")])
        #expect(results[0].failure?.code == "unknownTool")
        #expect(
            results[0].content
                == #"{"error":{"code":"unknownTool","did_you_mean":"get_weather","message":"unknown tool 'get_wether'; did you mean 'get_weather'?","tool":"get_wether"}}"#
        )
        #expect(runs.value == 0)
    }

    @Test("a malformed call is answered under its call id") func aMalformedCallIsAnsweredUnderIts() async throws {
        let executor = ToolExecutor(registry: try registry(weatherTool()))
        let items = ToolCallParser().parse(
            ["tool_calls": [["id": "call_x", "function": ["name": "get_weather", "arguments": "{oops"]]]],
            format: .openAIChat)
        let results = await executor.execute(items)
        #expect(results.map(\.callID) == ["call_x"])
        #expect(results[0].failure?.code == "malformedCall")
    }

    @Test("the model's call id reaches the tool's call options") func theModelSCallIdReachesThe() async throws {
        let recorder = OptionsRecorder(try weatherTool())
        let executor = ToolExecutor(registry: try registry(recorder))
        _ = await executor.execute([call("call_abc")], options: CallOptions(sessionID: "s1"))
        #expect(recorder.options.map(\.toolCallID) == ["call_abc"])
        #expect(recorder.options.map(\.sessionID) == ["s1"])
    }

    @Test("respond parses, runs and renders in one step") func respondParsesRunsAndRendersInOne() async throws {
        let executor = ToolExecutor(registry: try registry(weatherTool()))
        let response: JSONValue = [
            "content": [["type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": ["city": "Rome"]]]
        ]
        let messages = await executor.respond(to: response, format: .anthropic)
        #expect(
            messages.map(\.description) == [
                #"{"content":[{"content":"{\"city\":\"Rome\",\"temperature\":20}","tool_use_id":"toolu_1","type":"tool_result"}],"role":"user"}"#
            ])
    }
}

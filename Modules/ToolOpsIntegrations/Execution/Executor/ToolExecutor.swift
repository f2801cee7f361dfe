import ToolOpsCore

/// Runs the tool calls a model asked for and answers each one, in order.
///
/// For each call the executor looks the tool up in its ``ToolRegistry``, validates the arguments
/// against the tool's input schema — a violation is answered with an error naming the field, what
/// was expected and, for a misspelt field, what was probably meant, and the tool is never called —
/// then runs the valid calls in parallel, each under its own timeout on the injected clock. One
/// failing call gives an error result for that call only. The model's call id reaches the tool as
/// ``CallOptions/toolCallID`` (and so its trace span).
///
/// ```swift
/// let executor = ToolExecutor(registry: registry)
/// let messages = await executor.respond(to: completion, format: .openAIChat)
/// conversation.append(contentsOf: messages)
/// ```
public struct ToolExecutor: Sendable {
    /// The tools calls are routed to.
    public let registry: ToolRegistry
    /// Timeouts, concurrency and validation limits.
    public let configuration: Configuration
    let clock: any ToolClock
    let parser: ToolCallParser

    /// An executor over `registry`; timeouts run on `clock`.
    public init(
        registry: ToolRegistry, configuration: Configuration = Configuration(), clock: any ToolClock = SystemClock()
    ) {
        self.registry = registry
        self.configuration = configuration
        self.clock = clock
        self.parser = ToolCallParser(configuration: configuration.parser)
    }

    /// Parses a provider response, runs its calls, and returns the messages that answer them.
    ///
    /// Returns no messages when the response asks for no tool calls.
    public func respond(
        to response: JSONValue, format: ToolCallFormat, options: CallOptions = CallOptions()
    ) async -> [JSONValue] {
        let results = await execute(parser.parse(response, format: format), options: options)
        return format.messages(for: results)
    }

    /// Runs `calls` and returns one result per call, in the same order.
    ///
    /// `options` apply to every call (session id, cache policy); each call's ``CallOptions/toolCallID``
    /// is set to its model call id.
    public func execute(_ calls: [ToolCallRequest], options: CallOptions = CallOptions()) async -> [ToolCallResult] {
        await execute(calls.map(ParsedToolCall.call), options: options)
    }

    /// Runs the calls among `items` and returns one result per item, in the same order; malformed
    /// items are answered with an error result without running anything.
    public func execute(_ items: [ParsedToolCall], options: CallOptions = CallOptions()) async -> [ToolCallResult] {
        var results = [ToolCallResult?](repeating: nil, count: items.count)
        var jobs: [Job] = []
        for (index, item) in items.enumerated() {
            switch prepare(item, options: options) {
            case .done(let result): results[index] = result
            case .run(var job):
                job.index = index
                jobs.append(job)
            }
        }
        for (index, result) in await run(jobs) { results[index] = result }
        return results.map { $0! }
    }

    struct Job: Sendable {
        var index: Int
        var call: ToolCallRequest
        var entry: ToolRegistry.Entry
        var options: CallOptions
    }

    private enum Preparation {
        case done(ToolCallResult)
        case run(Job)
    }

    /// Answers what can be answered without running the tool: malformed calls, unknown tools, invalid arguments.
    private func prepare(_ item: ParsedToolCall, options: CallOptions) -> Preparation {
        let call: ToolCallRequest
        switch item {
        case .malformed(let error):
            return .done(
                ToolCallResult(callID: error.callID, toolName: error.toolName, outcome: .failure(.malformed(error))))
        case .call(let request):
            call = request
        }
        let entry: ToolRegistry.Entry
        do {
            entry = try registry.entry(named: call.name)
        } catch {
            return .done(ToolCallResult(callID: call.id, toolName: call.name, outcome: .failure(.unknownTool(error))))
        }
        let validator = SchemaValidator(configuration: configuration.validator)
        let violations = validator.validate(call.arguments, against: entry.definition.inputSchema)
        guard violations.isEmpty else {
            let masked = Self.masking(violations, sensitive: entry.tool.descriptor.sensitive)
            let failure = ToolCallFailure.invalidArguments(tool: call.name, violations: masked)
            return .done(ToolCallResult(callID: call.id, toolName: call.name, outcome: .failure(failure)))
        }
        var callOptions = options
        callOptions.toolCallID = call.id
        return .run(Job(index: 0, call: call, entry: entry, options: callOptions))
    }

    /// Violations with the values of sensitive fields (at any depth) replaced by `(masked)`.
    static func masking(_ violations: [SchemaViolation], sensitive: SensitiveArguments) -> [SchemaViolation] {
        violations.map { violation in
            let segments = violation.path.split(whereSeparator: { $0 == "." || $0 == "[" })
            guard segments.contains(where: { !$0.hasSuffix("]") && sensitive.isSensitive(String($0)) }) else {
                return violation
            }
            var masked = violation
            masked.got = "(masked)"
            masked.suggestion = violation.keyword == "additionalProperties" ? violation.suggestion : nil
            return masked
        }
    }
}

import Synchronization

/// An async function wrapped in a pipeline: the unit ToolOps works with.
///
/// A tool has a declared name and version, a typed body `Input -> Output`, and a pipeline of
/// middlewares (cache, coalescing, retry, …) composed once when it is built. Call it as a Swift
/// function, or with JSON arguments — both go through the same pipeline and produce the same key.
///
/// Every failure is thrown as a ``ToolError``; the body's own error is kept in
/// ``ToolError/underlying``.
///
/// ```swift
/// let weather = try Tool(ToolDescriptor(name: "get_weather", description: "Current weather")) {
///     (query: WeatherQuery) in try await api.weather(query.city)
/// }
/// let report = try await weather(WeatherQuery(city: "Paris"))
/// let json = try await weather.call(arguments: ["city": "Paris"])
/// ```
public final class Tool<Input: ToolValue, Output: ToolValue>: Sendable {
    /// The tool's shared descriptor and environment.
    public let context: ToolContext
    /// The stages of the tool's pipeline, outermost first.
    public let stages: [PipelineStage]
    private let chain: ToolNext<Input, Output>
    private let earlyRejecter: (any EarlyRejecting)?
    // Decided once: most inputs are plain structs, whose encoding needs no per-call type checks.
    private let inputIsPlain = !JSONValueEncoder.hasSpecialEncoding(Input.self)

    /// Builds a tool.
    ///
    /// - Throws: ``ToolError`` with code `misconfigured` when the name or version is invalid.
    public init(
        _ descriptor: ToolDescriptor,
        environment: ToolEnvironment = .system,
        pipeline: ToolPipeline<Input, Output> = ToolPipeline(),
        body: @escaping @Sendable (Input) async throws -> Output
    ) throws {
        try descriptor.validate()
        context = ToolContext(descriptor: descriptor, environment: environment)
        var pipeline = pipeline
        if context.tracing != nil {
            pipeline.add(AttemptSpanMiddleware(), at: .attemptSpan)
        }
        stages = pipeline.stages
        earlyRejecter = pipeline.earlyRejecter
        chain = pipeline.compose { call in
            call.emit(.upstreamCalled(attempt: call.attempt))
            do {
                return try await body(call.input)
            } catch {
                // Classified (and masked) here, so that no stage — nor a tracer — sees the raw error.
                throw call.classify(error)
            }
        }
    }

    /// The tool's declaration.
    public var descriptor: ToolDescriptor { context.descriptor }

    /// The tool's identity.
    public var id: ToolID { context.descriptor.id }

    /// Calls the tool through its pipeline.
    ///
    /// - Throws: ``ToolError``.
    public func callAsFunction(_ input: Input, options: CallOptions = CallOptions()) async throws -> Output {
        guard context.tracing != nil else {
            // The common case, without the generic closure of `traced`.
            return try await run(input, callID: Self.nextCallID(), options: options, span: nil)
        }
        return try await traced(options) { callID, span in
            try await run(input, callID: callID, options: options, span: span)
        }
    }

    /// Runs `body` with a new call id, inside the call's span when the tool is traced.
    private func traced<Result: Sendable>(
        _ options: CallOptions, _ body: (UInt64, (any ToolCallSpan)?) async throws -> Result
    ) async throws -> Result {
        let callID = Self.nextCallID()
        guard let tracing = context.tracing else {
            return try await body(callID, nil)
        }
        return try await tracing.withCallSpan(TracedCall(context: context, callID: callID, options: options)) {
            span in try await body(callID, span)
        }
    }

    private func run(
        _ input: Input, callID: UInt64, options: CallOptions, span: (any ToolCallSpan)?
    ) async throws -> Output {
        let clock = context.environment.clock
        let start = clock.now()
        if let earlyRejecter, let refusal = earlyRejecter.earlyRejection(at: start) {
            throw refuseEarly(refusal, callID: callID, options: options, span: span, at: start)
        }
        let arguments: CanonicalArguments
        do {
            arguments = try canonicalArguments(input)
        } catch {
            throw reportInvalid(error, callID: callID, sessionID: options.sessionID, span: span)
        }
        let key = CallKey(tool: id, canonicalArguments: arguments.hashed)
        let call = ToolCall<Input, Output>(
            id: callID,
            input: input,
            key: key,
            context: context,
            options: options,
            redactor: arguments.redactor,
            startedAt: start,
            span: span
        )
        // Prepared only for the events someone reads them on, at most once per call.
        let needs = context.argumentNeeds
        var prepared: CallArguments?
        call.emit(.started, at: start, arguments: prepare(.start, needs, &prepared, arguments))
        do {
            let output = try await chain(call)
            let end = clock.now()
            call.emit(
                .succeeded(duration: start.duration(to: end)), at: end,
                arguments: prepare(.success, needs, &prepared, arguments))
            return output
        } catch {
            let toolError = call.classify(error)
            let end = clock.now()
            call.emit(
                .failed(duration: start.duration(to: end), error: toolError), at: end,
                arguments: prepare(.failure, needs, &prepared, arguments))
            throw toolError
        }
    }

    /// The call's arguments for an event that `needs` covers, made once and kept in `prepared`.
    @inline(__always)
    private func prepare(
        _ need: ArgumentNeeds, _ needs: ArgumentNeeds, _ prepared: inout CallArguments?,
        _ arguments: CanonicalArguments
    ) -> CallArguments? {
        guard needs.contains(need) else { return nil }
        if prepared == nil {
            prepared = CallArguments(hashed: arguments.hashed, context: context, redactor: arguments.redactor)
        }
        return prepared
    }

    /// Calls the tool with JSON arguments, as an agent or an MCP client does.
    ///
    /// - Throws: ``ToolError`` with code `invalidArguments` naming the field when the arguments do
    ///   not fit `Input`; otherwise whatever the typed call throws.
    public func call(arguments: JSONValue, options: CallOptions = CallOptions()) async throws -> JSONValue {
        try await traced(options) { callID, span in
            try await run(arguments: arguments, callID: callID, options: options, span: span)
        }
    }

    private func run(
        arguments: JSONValue, callID: UInt64, options: CallOptions, span: (any ToolCallSpan)?
    ) async throws -> JSONValue {
        let input: Input
        do {
            input = try JSONValueDecoder().decode(Input.self, from: arguments)
        } catch {
            throw reportInvalid(error, callID: callID, sessionID: options.sessionID, span: span)
        }
        let output = try await run(input, callID: callID, options: options, span: span)
        do {
            return try JSONValueEncoder().encode(output)
        } catch {
            throw ToolError(
                code: .upstream, tool: id.name, message: "the result could not be encoded as JSON: \(error)")
        }
    }

    /// Calls the tool with arguments given as JSON text.
    public func call(json: String, options: CallOptions = CallOptions()) async throws -> JSONValue {
        try await traced(options) { callID, span in
            let arguments: JSONValue
            do {
                arguments = try JSONValue(parsing: json)
            } catch {
                throw reportInvalid(error, callID: callID, sessionID: options.sessionID, span: span)
            }
            return try await run(arguments: arguments, callID: callID, options: options, span: span)
        }
    }

    /// The key a call with `input` would have.
    public func key(for input: Input) throws -> CallKey {
        CallKey(tool: id, canonicalArguments: try canonicalArguments(input).hashed)
    }

    /// The key a call with these JSON arguments would have.
    ///
    /// - Throws: ``ToolError`` with code `invalidArguments` naming the field when the arguments do not fit `Input`.
    public func key(arguments: JSONValue) throws -> CallKey {
        do {
            return try key(for: JSONValueDecoder().decode(Input.self, from: arguments))
        } catch {
            throw ToolError.invalidArguments(from: error, tool: id.name, sensitive: descriptor.sensitive)
        }
    }

    private func canonicalArguments(_ input: Input) throws -> CanonicalArguments {
        let encoder = JSONValueEncoder()
        let json = try inputIsPlain ? encoder.encodePlain(input) : encoder.encode(input)
        // Names are checked under the tool's lock; the rare hashing of sensitive values is not.
        guard context.withSensitivity({ CanonicalArguments.containsSensitive(json, $0) }) else {
            return CanonicalArguments(withoutSecrets: json)
        }
        return CanonicalArguments(json, isSensitive: context.isSensitive)
    }

    // Refused before the key was derived: the events carry no key.
    private func refuseEarly(
        _ refusal: ToolError, callID: UInt64, options: CallOptions, span: (any ToolCallSpan)?, at now: Timestamp
    ) -> ToolError {
        var error = refusal
        if error.tool == nil { error.tool = id.name }
        let observer = context.environment.observer
        for kind: ToolEvent.Kind in [.started, .rejected(error.code), .failed(duration: .zero, error: error)] {
            let event = ToolEvent(
                tool: id, callID: callID, key: nil, sessionID: options.sessionID, timestamp: now, kind: kind)
            observer.observe(event)
            span?.record(event)
        }
        return error
    }

    private func reportInvalid(
        _ error: any Error, callID: UInt64, sessionID: String?, span: (any ToolCallSpan)?
    ) -> ToolError {
        let toolError = ToolError.invalidArguments(from: error, tool: id.name, sensitive: descriptor.sensitive)
        let environment = context.environment
        let event = ToolEvent(
            tool: id,
            callID: callID,
            key: nil,
            sessionID: sessionID,
            timestamp: environment.clock.now(),
            kind: .failed(duration: .zero, error: toolError)
        )
        environment.observer.observe(event)
        span?.record(event)
        return toolError
    }

    private static func nextCallID() -> UInt64 {
        ToolCallCounter.value.add(1, ordering: .relaxed).newValue
    }
}

private enum ToolCallCounter {
    static let value = Atomic<UInt64>(0)
}

/// A tool called with JSON, whatever its Swift types: what registries, executors and MCP servers hold.
public protocol JSONTool: Sendable {
    /// The tool's declaration.
    var descriptor: ToolDescriptor { get }
    /// Calls the tool with JSON arguments through its pipeline.
    func call(arguments: JSONValue, options: CallOptions) async throws -> JSONValue
    /// The key a call with these JSON arguments would have, derived exactly as a call derives it.
    ///
    /// - Throws: ``ToolError`` with code `invalidArguments` when the arguments do not fit the tool's input.
    func key(arguments: JSONValue) throws -> CallKey
}

extension Tool: JSONTool {}

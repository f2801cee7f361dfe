import ToolOpsCore

extension PipelineStage {
    /// Answers from a semantic cache: after the exact cache and the fallback, before coalescing.
    ///
    /// Inside the fallback, so a fallback's value is never stored as an answer, and a similar
    /// stale answer (stale-if-error) is served before the fallback is asked.
    public static let semanticCache = PipelineStage(rawValue: 350)
}

/// Answers a read-only tool's call from a ``SemanticCache`` when an earlier call asked the same
/// question in other words, and stores each live answer for the next one.
///
/// The text compared is the input's ``SemanticCacheSettings/textField`` (a JSON key of the input;
/// it is stored as typed, so it must not be a sensitive argument);
/// all other arguments must be equal (sensitive ones compared by hash). A call whose input has no
/// such string field, a side-effect tool, and a call with `cache: .bypass` pass straight through.
/// A failing embedder or store is reported as a `cacheError` event (store `"semantic"`) and the
/// call goes on live: the semantic cache never breaks a tool. With
/// ``SemanticCacheSettings/staleIfError``, a failed live call is answered with a matching
/// expired answer still inside its stale window (`staleServed`).
///
/// ```swift
/// var pipeline = ToolPipeline<InvoiceQuestion, InvoiceStatus>()
/// pipeline.add(
///     SemanticCacheMiddleware(cache: cache, settings: .init(textField: "question", threshold: 0.75)),
///     at: .semanticCache)
/// ```
public struct SemanticCacheMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
    /// The store name in events.
    public static var storeName: String { "semantic" }

    /// The cache answers come from.
    public let cache: SemanticCache
    /// The text field, threshold, TTL, stale window and tags.
    public let settings: SemanticCacheSettings

    /// A stage answering from `cache` under `settings`.
    public init(cache: SemanticCache, settings: SemanticCacheSettings) {
        self.cache = cache
        self.settings = settings
    }

    /// Answers from the cache, or calls `next` and stores its answer (see the type's discussion).
    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
    {
        guard call.options.cache != .bypass, call.descriptor.effect.isReadOnly, let query = query(for: call) else {
            return try await next(call)
        }
        if call.options.cache == .refresh {
            let output = try await next(call)
            await remember(output, query: query, vector: nil, call: call)
            return output
        }
        let found: SemanticLookup
        do {
            found = try await cache.lookup(query)
        } catch {
            call.emit(.cacheError(store: Self.storeName, error: failure(error, call: call)))
            return try await next(call)
        }
        if let fresh = found.fresh, let value = decode(fresh, call: call) {
            call.emit(.cacheHit(store: Self.storeName))
            return value
        }
        call.emit(.cacheMiss(store: Self.storeName))
        let output: Output
        do {
            output = try await next(call)
        } catch {
            let now = call.environment.clock.now()
            if settings.staleIfError, let stale = found.stale, now < stale.staleUntil,
                let value = decode(stale, call: call)
            {
                call.emit(.staleServed(store: Self.storeName, age: stale.storedAt.duration(to: now)))
                return value
            }
            throw error
        }
        await remember(output, query: query, vector: found.vector, call: call)
        return output
    }

    private func query(for call: ToolCall<Input, Output>) -> SemanticQuery? {
        Self.query(for: call.input, context: call.context, settings: settings)
    }

    /// The query of an input: the text field, and the other arguments canonical with secrets
    /// hashed; `nil` when the input has no such string field.
    public static func query(for input: Input, context: ToolContext, settings: SemanticCacheSettings) -> SemanticQuery?
    {
        guard case .object(var arguments) = try? JSONValueEncoder().encode(input),
            case .string(let text) = arguments.removeValue(forKey: settings.textField)
        else { return nil }
        let hashed = context.withSensitivity { isSensitive in
            CanonicalArguments(.object(arguments), isSensitive: isSensitive).hashed
        }
        return SemanticQuery(tool: context.descriptor.id, text: text, context: hashed, threshold: settings.threshold)
    }

    private func remember(_ output: Output, query: SemanticQuery, vector: [Float]?, call: ToolCall<Input, Output>) async
    {
        guard let json = try? JSONValueEncoder().encode(output) else { return }
        if !settings.cacheEmptyResults, json.isEmptyResult { return }
        let bytes = json.canonicalBytes()
        do {
            if try await cache.store(query, vector: vector, value: bytes, settings: settings) != nil {
                call.emit(.cacheWritten(store: Self.storeName, bytes: bytes.count))
            }
        } catch {
            call.emit(.cacheError(store: Self.storeName, error: failure(error, call: call)))
        }
    }

    private func decode(_ match: SemanticMatch, call: ToolCall<Input, Output>) -> Output? {
        do {
            return try JSONValueDecoder().decode(Output.self, from: JSONValue(parsing: match.value))
        } catch {
            call.emit(
                .cacheError(
                    store: Self.storeName,
                    error: ToolError(
                        code: .misconfigured, tool: call.toolName,
                        message: "a semantically cached value does not decode as \(Output.self); bump the tool's "
                            + "version when its output type changes (\(error))")))
            return nil
        }
    }

    private func failure(_ error: EmbeddingError, call: ToolCall<Input, Output>) -> ToolError {
        ToolError(
            code: error.code == .misconfigured ? .misconfigured : .upstream, tool: call.toolName,
            message: "semantic cache: \(error.description)", isRetryable: error.isRetryable)
    }
}

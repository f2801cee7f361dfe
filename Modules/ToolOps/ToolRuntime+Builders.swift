import ToolOpsCache
import ToolOpsCoalescing
import ToolOpsCore
import ToolOpsResilience
import ToolOpsSemantic

extension ToolRuntime {
    /// Builds a read-only tool: cached, coalesced, retried, guarded by a circuit breaker.
    ///
    /// - Parameters:
    ///   - name: The declared name agents see (1–64 letters, digits, `_`, `-`, `.`).
    ///   - version: Part of every cache key; bump it when the tool's output changes meaning.
    ///   - sensitive: Arguments hashed into keys and masked everywhere (names with common secret
    ///     words such as `token` are included automatically).
    ///   - options: Cache, retry, timeout, breaker, coalescing and limits; see ``ReadOnlyOptions``.
    ///   - fallback: Answers when everything else failed; sees the error and any stale value.
    /// - Throws: ``ToolError`` with code `misconfigured` for an invalid name or option, or an
    ///   unregistered store name.
    ///
    /// ```swift
    /// let weather = try runtime.readonly("get_weather", options: .init(ttl: .seconds(600))) {
    ///     (query: WeatherQuery) in try await api.weather(for: query.city)
    /// }
    /// ```
    public func readonly<Input: ToolValue, Output: ToolValue>(
        _ name: String,
        version: String = "1",
        description: String = "",
        sensitive: SensitiveArguments = SensitiveArguments(),
        options: ReadOnlyOptions = ReadOnlyOptions(),
        fallback: FallbackMiddleware<Input, Output>.Handler? = nil,
        body: @escaping @Sendable (Input) async throws -> Output
    ) throws -> Tool<Input, Output> {
        let descriptor = ToolDescriptor(
            name: name,
            version: version,
            description: description,
            effect: .readOnly,
            sensitive: sensitive
        )
        try descriptor.validate()
        try options.cacheSettings.validate(tool: name)
        var pipeline = ToolPipeline<Input, Output>()
        if let storeName = try cacheStoreName(options.cache) {
            let store = try stores.store(named: storeName)
            let settings = options.cacheSettings
            pipeline.add(
                CacheLookupMiddleware(store: store, storeName: storeName, settings: settings), at: .cacheLookup)
            pipeline.add(CacheFillMiddleware(store: store, storeName: storeName, settings: settings), at: .cacheFill)
            remember(store: storeName, for: descriptor.id)
        }
        if let semantic = options.semantic, let settings = options.semanticSettings {
            try settings.validate(tool: name)
            if descriptor.sensitive.isSensitive(settings.textField) {
                throw ToolError.misconfigured(
                    "the semantic cache's textField '\(settings.textField)' is a sensitive argument; its text is "
                        + "stored as typed, so a sensitive field cannot be semantically cached",
                    tool: name, field: "textField")
            }
            pipeline.add(SemanticCacheMiddleware(cache: semantic.cache, settings: settings), at: .semanticCache)
        }
        if options.coalesce {
            pipeline.add(CoalescingMiddleware(), at: .coalesce)
        }
        try addResilience(options.resilience, fallback: fallback, to: &pipeline, descriptor: descriptor)
        let tool = try Tool(descriptor, environment: environment, pipeline: pipeline, body: body)
        if let semantic = options.semantic { remember(semanticCaching: semantic, for: descriptor.id) }
        remember(tool: tool)
        return tool
    }

    /// Builds a side-effect tool: never cached or coalesced; retried only when `idempotent` or
    /// when a call carries an idempotency key.
    ///
    /// ```swift
    /// let send = try runtime.sideeffect("send_email", options: .init(timeout: .seconds(10))) {
    ///     (email: Email) in try await mailer.send(email)
    /// }
    /// try await send(email, options: CallOptions(idempotencyKey: "receipt-\(order.id)"))
    /// ```
    public func sideeffect<Input: ToolValue, Output: ToolValue>(
        _ name: String,
        version: String = "1",
        description: String = "",
        idempotent: Bool = false,
        sensitive: SensitiveArguments = SensitiveArguments(),
        options: SideEffectOptions = SideEffectOptions(),
        fallback: FallbackMiddleware<Input, Output>.Handler? = nil,
        body: @escaping @Sendable (Input) async throws -> Output
    ) throws -> Tool<Input, Output> {
        let descriptor = ToolDescriptor(
            name: name,
            version: version,
            description: description,
            effect: .sideEffect(idempotent: idempotent),
            sensitive: sensitive
        )
        try descriptor.validate()
        var pipeline = ToolPipeline<Input, Output>()
        try addResilience(options.resilience, fallback: fallback, to: &pipeline, descriptor: descriptor)
        let tool = try Tool(descriptor, environment: environment, pipeline: pipeline, body: body)
        remember(tool: tool)
        return tool
    }

    private func cacheStoreName(_ backend: CacheBackend) throws -> String? {
        switch backend {
        case .disabled: nil
        case .default: stores.defaultStoreName
        case .named(let name): name
        }
    }

    private func addResilience<Input: ToolValue, Output: ToolValue>(
        _ options: ResilienceOptions,
        fallback: FallbackMiddleware<Input, Output>.Handler?,
        to pipeline: inout ToolPipeline<Input, Output>,
        descriptor: ToolDescriptor
    ) throws {
        try options.validate(tool: descriptor.name)
        if let fallback {
            pipeline.add(FallbackMiddleware(handler: fallback), at: .fallback)
        }
        if let bulkhead = options.bulkhead {
            pipeline.add(BulkheadMiddleware(bulkhead: Bulkhead(configuration: bulkhead)), at: .admission)
        }
        if let rateLimit = options.rateLimit {
            pipeline.add(RateLimitMiddleware(bucket: TokenBucket(configuration: rateLimit)), at: .admission)
        }
        if options.retries > 0 {
            var policy = options.retryPolicy
            policy.maxAttempts = options.retries + 1
            pipeline.add(RetryMiddleware(policy: policy), at: .retry)
        }
        if options.circuitBreaker {
            let configuration =
                options.breakerConfiguration
                ?? CircuitBreaker.Configuration(
                    mode: .consecutiveFailures(threshold: options.circuitThreshold),
                    recoveryTimeout: options.circuitRecovery
                )
            let breaker = breakers.breaker(for: descriptor.id, configuration: configuration)
            pipeline.add(CircuitBreakerMiddleware(breaker: breaker), at: .breaker)
        }
        if let timeout = options.timeout {
            pipeline.add(TimeoutMiddleware(timeout: timeout), at: .timeout)
        }
    }
}

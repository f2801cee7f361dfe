import ToolOpsCore
import ToolOpsResilience

/// Builds a read-only tool on ``ToolRuntime/shared``: the one-line way to wrap a function.
///
/// ```swift
/// let weather = try readonly("get_weather", description: "Current weather for a city") {
///     (query: WeatherQuery) in try await api.weather(for: query.city)
/// }
/// let report = try await weather(WeatherQuery(city: "Paris"))
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
    try ToolRuntime.shared.readonly(
        name,
        version: version,
        description: description,
        sensitive: sensitive,
        options: options,
        fallback: fallback,
        body: body
    )
}

/// Builds a side-effect tool on ``ToolRuntime/shared``: never cached or coalesced, retried only
/// when idempotent or called with an idempotency key.
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
    try ToolRuntime.shared.sideeffect(
        name,
        version: version,
        description: description,
        idempotent: idempotent,
        sensitive: sensitive,
        options: options,
        fallback: fallback,
        body: body
    )
}

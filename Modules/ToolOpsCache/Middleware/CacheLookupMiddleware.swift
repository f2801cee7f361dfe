import ToolOpsCore

/// Answers a call from the cache when a fresh result is there; remembers a stale one for later.
///
/// Sits at ``PipelineStage/cacheLookup``, outermost, so a fresh hit returns before any other
/// stage runs. A stale result (past its TTL, inside its stale-if-error window) is attached to the
/// call as ``ToolCall/stale`` for ``CacheFillMiddleware`` and fallbacks. A store that fails is
/// reported as a `cacheError` event and the call goes on live: a broken cache never breaks a tool.
/// Side-effect tools are never looked up.
public struct CacheLookupMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
    /// The store results come from.
    public let store: any CacheStore
    /// The store's name, for events.
    public let storeName: String
    /// TTL, stale window and tags.
    public let settings: CacheSettings

    public init(store: any CacheStore, storeName: String, settings: CacheSettings = CacheSettings()) {
        self.store = store
        self.storeName = storeName
        self.settings = settings
    }

    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
    {
        guard call.options.cache == .use, call.descriptor.effect.isReadOnly else { return try await next(call) }
        let found: CacheEntry?
        do {
            found = try await store.entry(for: call.key)
        } catch {
            call.emit(.cacheError(store: storeName, error: call.classify(error)))
            found = nil
        }
        var call = call
        if let entry = found {
            // The lookup is the first stage: the call's start time is "now" to within microseconds.
            let now = call.startedAt
            switch entry.freshness(at: now) {
            case .fresh:
                if let value = call.decodeCached(entry, storeName: storeName) {
                    call.emit(.cacheHit(store: storeName), at: now)
                    return value
                }
            case .stale where settings.staleIfError:
                if let value = call.decodeCached(entry, storeName: storeName) {
                    call.stale = StaleValue(
                        value: value,
                        store: storeName,
                        storedAt: entry.storedAt,
                        staleUntil: entry.staleUntil
                    )
                }
            case .stale, .expired:
                break
            }
        }
        call.emit(.cacheMiss(store: storeName))
        return try await next(call)
    }
}

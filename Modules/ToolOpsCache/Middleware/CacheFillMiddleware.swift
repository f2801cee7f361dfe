import ToolOpsCore

/// Stores fresh results, and serves a stale one when the live path fails.
///
/// Sits at ``PipelineStage/cacheFill``, inside coalescing, so one flight writes the cache once.
/// When the calls below it fail (every retry spent, or the circuit open) and the lookup found a
/// stale result within its window, that result is returned and a `staleServed` event emitted —
/// and it is *not* written back: a stale value never becomes fresh again. Cancellation is never
/// answered with stale data.
///
/// When the store is shared between processes (it has a ``CacheStore/fillCoordinator``), a miss
/// first takes the store's fill lease: if another process wrote the entry while this one waited,
/// that entry answers the call (a `coalescedRemote` event) and the upstream is not called. A
/// lease that cannot be had (timeout, store down) is reported as a `cacheError` and the call goes
/// on without it.
public struct CacheFillMiddleware<Input: ToolValue, Output: ToolValue>: ToolMiddleware {
    /// The store results go to.
    public let store: any CacheStore
    /// The store's name, for events.
    public let storeName: String
    /// TTL, stale window and tags.
    public let settings: CacheSettings

    // Reference types are decoded afresh on every hit so callers never share a mutable instance.
    private let keepsDecodedValue = !(Output.self is AnyObject.Type)

    public init(store: any CacheStore, storeName: String, settings: CacheSettings = CacheSettings()) {
        self.store = store
        self.storeName = storeName
        self.settings = settings
    }

    public func handle(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output
    {
        guard call.options.cache != .bypass, call.descriptor.effect.isReadOnly else { return try await next(call) }
        guard let coordinator = store.fillCoordinator else { return try await fill(call, next: next) }
        let lease: (any CacheFillLease)?
        do {
            lease = try await coordinator.acquireFill(for: call.key)
        } catch is CancellationError {
            throw ToolError(
                code: .cancelled, tool: call.toolName, message: "cancelled while waiting for the fill lease")
        } catch {
            call.emit(.cacheError(store: storeName, error: call.classify(error)))
            lease = nil
        }
        guard let lease else { return try await fill(call, next: next) }
        if call.options.cache == .use, let entry = lease.existing,
            entry.freshness(at: call.environment.clock.now()) == .fresh,
            let value = call.decodeCached(entry, storeName: storeName)
        {
            await lease.release()
            call.emit(.coalescedRemote(store: storeName))
            return value
        }
        do {
            let output = try await fill(call, next: next)
            await lease.release()
            return output
        } catch {
            await lease.release()
            throw error
        }
    }

    private func fill(_ call: ToolCall<Input, Output>, next: @escaping ToolNext<Input, Output>) async throws -> Output {
        let output: Output
        do {
            output = try await next(call)
        } catch {
            let failure = call.classify(error)
            let now = call.environment.clock.now()
            if failure.code != .cancelled, settings.staleIfError, let stale = call.stale, now < stale.staleUntil {
                call.emit(.staleServed(store: stale.store, age: stale.storedAt.duration(to: now)))
                return stale.value
            }
            throw failure
        }
        await write(output, call: call)
        return output
    }

    private func write(_ output: Output, call: ToolCall<Input, Output>) async {
        do {
            let json = try JSONValueEncoder().encode(output)
            if !settings.cacheEmptyResults && json.isEmptyResult { return }
            let now = call.environment.clock.now()
            let freshUntil = now.advanced(by: settings.ttl)
            let entry = CacheEntry(
                payload: json.canonicalBytes(),
                tool: call.key.tool,
                tags: settings.tags,
                storedAt: now,
                freshUntil: freshUntil,
                staleUntil: settings.staleIfError ? freshUntil.advanced(by: settings.staleTTL) : freshUntil,
                decoded: keepsDecodedValue ? output : nil
            )
            try await store.store(entry, for: call.key)
            call.emit(.cacheWritten(store: storeName, bytes: entry.payload.count))
        } catch {
            call.emit(.cacheError(store: storeName, error: call.classify(error)))
        }
    }
}

/// Lets processes that share a store agree on which one computes a missing entry, so the others
/// wait for it and read its result instead of calling the upstream themselves.
///
/// A shared store (PostgreSQL) returns one from ``CacheStore/fillCoordinator``; the cache-fill
/// stage then, on a miss, takes the coordinator's lease before calling the upstream, uses the
/// entry another process wrote meanwhile if there is one, and releases the lease after writing
/// its own result. Stores private to one process need none: in-process coalescing already gives
/// one upstream call per key.
public protocol CacheFillCoordinator: Sendable {
    /// Waits, up to the coordinator's own timeout, for the exclusive right to fill `key`.
    ///
    /// - Returns: the lease, carrying the entry found under the key once the right was granted.
    /// - Throws: when coordination is unavailable (wait timed out, store down): the caller goes
    ///   on without it. `CancellationError` when the calling task is cancelled.
    func acquireFill(for key: CallKey) async throws -> any CacheFillLease
}

/// The right to fill one key, held until ``release()``.
public protocol CacheFillLease: Sendable {
    /// The entry in the store when the lease was granted — written by whoever held it before —
    /// or `nil`. Fresh means the work is already done.
    var existing: CacheEntry? { get }

    /// Gives the right up, letting the next waiter in. Safe to call once; never throws.
    func release() async
}

extension CacheStore {
    /// No coordination: the default for stores that live in one process.
    public var fillCoordinator: (any CacheFillCoordinator)? { nil }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value guarded by a reader-writer lock: many readers at once, or one writer.
///
/// Why not `Mutex`: a flat scan of 100,000 vectors takes milliseconds, and lookups from many
/// tasks should overlap rather than queue. Why not copy-on-write snapshots: a reader holding a
/// snapshot would make the next insert copy every stored vector (150 MB at 100,000 × 384).
/// On Linux the lock prefers writers, so a steady stream of lookups cannot starve inserts.
final class ReadWriteLocked<State: Sendable>: @unchecked Sendable {
    // The pthread lock must not move, so it lives in its own allocation.
    private let lock: UnsafeMutablePointer<pthread_rwlock_t>
    private var state: State

    init(_ state: State) {
        self.state = state
        lock = .allocate(capacity: 1)
        #if canImport(Glibc)
            var attributes = pthread_rwlockattr_t()
            pthread_rwlockattr_init(&attributes)
            pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
            let status = pthread_rwlock_init(lock, &attributes)
            pthread_rwlockattr_destroy(&attributes)
        #else
            let status = pthread_rwlock_init(lock, nil)
        #endif
        precondition(status == 0, "pthread_rwlock_init failed: \(status)")
    }

    deinit {
        pthread_rwlock_destroy(lock)
        lock.deallocate()
    }

    /// Runs `body` with shared access; other readers may run at the same time.
    @inline(__always)
    func withReadLock<Result, Failure: Error>(
        _ body: (State) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(state)
    }

    /// Runs `body` with exclusive access.
    @inline(__always)
    func withWriteLock<Result, Failure: Error>(
        _ body: (inout State) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        pthread_rwlock_wrlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try body(&state)
    }
}

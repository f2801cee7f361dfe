#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps every task a simulation starts on the simulation's thread, however it was started.
///
/// Agents run on the ``SimulationExecutor`` by task executor preference, and so do their structured
/// child tasks. But ToolOps starts tasks of its own inside a call — the flight of a coalesced call
/// and each timed attempt with `Task.immediate`, the timeout timer's driver with `Task {}` — and
/// neither inherits a task executor preference (as of Swift 6.3): once such a task suspends, it
/// resumes on the global concurrent pool, where the simulation can neither see nor order it.
///
/// So while a driver runs its loop, its thread is *bound* to its executor, and a hook on the Swift
/// runtime's global enqueue (`swift_task_enqueueGlobal_hook`, the hook test libraries use to
/// serialise async code) sends every job enqueued on the global pool *from a bound thread* to that
/// executor instead. Everything the simulation starts is started on its thread, and every wake-up
/// (a clock sleeper resumed, an attempt cancelled by its timer, a flight landing) happens on it, so
/// the whole run — agents, flights, attempts, timers — executes on that one thread, in FIFO order.
/// Jobs enqueued from any other thread go to the global pool as usual; the hook costs them one
/// thread-local read.
///
/// Not every path to the global pool passes the hook (in Swift 6.3, `Task.yield()` from a task
/// without an executor preference does not), and work may hop to another executor on purpose. Such
/// work escapes the simulation; the ``SimulationExecutor`` and ``SimulationClock`` notice it when it
/// comes back, and the driver fails the run rather than report numbers that depend on timing.
enum SimulationThread {
    /// The Swift runtime does not export the global enqueue hook.
    struct Unsupported: Error, CustomStringConvertible {
        var description: String {
            "the Swift runtime offers no swift_task_enqueueGlobal_hook, so the demo cannot keep ToolOps's tasks "
                + "on its simulation thread"
        }
    }

    private typealias Original = @convention(thin) (UnownedJob) -> Void
    private typealias Hook = @convention(thin) (UnownedJob, Original) -> Void

    /// The executor of the simulation whose loop runs on the current thread.
    static var current: SimulationExecutor? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<SimulationExecutor>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Runs `body` with the current thread bound to `executor`: every job enqueued on the global
    /// pool from this thread meanwhile goes to `executor`.
    ///
    /// - Throws: ``Unsupported`` when the runtime has no global enqueue hook; whatever `body` throws.
    static func bind<Result>(to executor: SimulationExecutor, _ body: () throws -> Result) throws -> Result {
        guard isHookInstalled else { throw Unsupported() }
        let outer = pthread_getspecific(key)
        pthread_setspecific(key, Unmanaged.passUnretained(executor).toOpaque())
        defer { pthread_setspecific(key, outer) }
        return try withExtendedLifetime(executor) { try body() }
    }

    /// Runs `body` with the current thread unbound, for code outside the simulation (a progress callback).
    static func unbound<Result>(_ body: () throws -> Result) rethrows -> Result {
        let outer = pthread_getspecific(key)
        pthread_setspecific(key, nil)
        defer { pthread_setspecific(key, outer) }
        return try body()
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "pthread_key_create failed with \(status)")
        return key
    }()

    /// A hook installed before ours, if any; jobs from unbound threads go to it.
    private nonisolated(unsafe) static var previousHook: Hook?

    /// Installs the hook, once per process; false when the runtime has none.
    private static let isHookInstalled: Bool = {
        guard let symbol = dlsym(dlopen(nil, RTLD_LAZY), "swift_task_enqueueGlobal_hook") else { return false }
        let hook = symbol.assumingMemoryBound(to: Hook?.self)
        previousHook = hook.pointee
        hook.pointee = { job, original in
            if let executor = SimulationThread.current {
                executor.schedule(job)
            } else if let previous = SimulationThread.previousHook {
                previous(job, original)
            } else {
                original(job)
            }
        }
        return true
    }()
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The source of time for everything in ToolOps that waits or expires.
///
/// Inject a clock instead of reading the system time so that tests can move time by hand (see
/// `ManualClock` in ToolOpsTesting) and never sleep.
public protocol ToolClock: Sendable {
    /// The current wall-clock time.
    func now() -> Timestamp

    /// Suspends for `duration`, or throws `CancellationError` if the task is cancelled first.
    func sleep(for duration: Duration) async throws
}

/// The real clock: wall time from the operating system, sleeping with `Task.sleep`.
public struct SystemClock: ToolClock {
    public init() {}

    public func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(nanosecondsSinceEpoch: Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec))
    }

    public func sleep(for duration: Duration) async throws {
        guard duration > .zero else { return try Task.checkCancellation() }
        try await Task.sleep(for: duration)
    }
}

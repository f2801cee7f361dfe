#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Nanosecond timestamps from `CLOCK_MONOTONIC`, for measuring; never wall time.
///
/// Read through the vDSO on Linux (about 20 ns), so one read per timed call is affordable.
enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point.
    @inline(__always)
    static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// Nanoseconds elapsed since `start`.
    @inline(__always)
    static func elapsed(since start: UInt64) -> UInt64 {
        now() &- start
    }

    /// The cost of one `now()`, the floor under every per-call sample.
    static func readCost(samples: Int = 100_000) -> Double {
        let start = now()
        var sink: UInt64 = 0
        for _ in 0..<samples { sink &+= now() }
        let total = elapsed(since: start)
        return sink == 0 ? 0 : Double(total) / Double(samples)
    }
}

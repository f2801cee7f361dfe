/// The measuring loops every scenario uses.
enum Harness {
    /// Runs `operation` `warmup` times untimed, then `iterations` times timing each call.
    ///
    /// Calls run back to back and each sample spans from the end of the previous call to the end
    /// of this one, so one clock read per call is all the overhead and the samples add up to the
    /// loop's wall time. `operation` gets the iteration index (warm-up indexes come first, so
    /// scenarios that need unique inputs never repeat one).
    static func latency(
        warmup: Int,
        iterations: Int,
        _ operation: (Int) async throws -> Void
    ) async rethrows -> LatencySummary {
        for index in 0..<warmup {
            try await operation(index)
        }
        var samples = LatencySamples(capacity: iterations)
        var last = MonotonicClock.now()
        for index in warmup..<(warmup + iterations) {
            try await operation(index)
            let now = MonotonicClock.now()
            samples.record(now &- last)
            last = now
        }
        return samples.summary()
    }

    /// Runs `operation` `iterations` times untimed and returns the calls per second.
    static func throughput(iterations: Int, _ operation: (Int) async throws -> Void) async rethrows -> Double {
        let start = MonotonicClock.now()
        for index in 0..<iterations {
            try await operation(index)
        }
        let elapsed = MonotonicClock.elapsed(since: start)
        return elapsed == 0 ? 0 : Double(iterations) * 1e9 / Double(elapsed)
    }
}

import ToolOps

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the PostgreSQL scenarios share: the server, the cache's statements, keys and payloads.
///
/// The server comes from `TOOLOPS_POSTGRES_URL` (`make bench` starts a throwaway one through
/// `scripts/with-postgres.sh`). Without it every PostgreSQL scenario prints a `skipped` line and
/// the suite goes on.
enum PostgresBench {
    static let skipReason = "TOOLOPS_POSTGRES_URL not set"
    /// The schema every scenario's table lives in; each scenario creates and drops its own table.
    static let schema = "toolops_bench"

    /// The server's connection string, or `nil` when the variable is unset or empty.
    static var url: String? {
        guard let value = getenv("TOOLOPS_POSTGRES_URL").map({ String(cString: $0) }), !value.isEmpty else {
            return nil
        }
        return value
    }

    /// Runs `body` with the server's URL, or prints a note and returns the `skipped` line.
    static func run(
        _ scenario: String,
        target: String,
        _ body: (String) async throws -> [BenchmarkResult]
    ) async throws -> [BenchmarkResult] {
        guard let url else {
            Progress.note("\(scenario): skipped, \(skipReason) (make bench starts a server for it)")
            var result = BenchmarkResult(scenario: scenario, target: target, iterations: 0)
            result.skipped = skipReason
            return [result]
        }
        return try await body(url)
    }

    /// `CacheSQL.lookup` for `table` (the library's copy is internal; this must stay identical).
    static func lookupSQL(_ table: PostgresTable) -> String {
        "SELECT payload, tags, stored_at, fresh_until, stale_until FROM \(table.qualifiedName) "
            + "WHERE namespace = $1 AND key = $2 AND stale_until > $3"
    }

    /// `CacheSQL.upsert` for `table`, character for character.
    static func upsertSQL(_ table: PostgresTable) -> String {
        """
        INSERT INTO \(table.qualifiedName) (namespace, key, tool, tool_version, tags, payload, size, stored_at, \
        fresh_until, stale_until) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (namespace, key) DO \
        UPDATE SET tool = EXCLUDED.tool, tool_version = EXCLUDED.tool_version, tags = EXCLUDED.tags, \
        payload = EXCLUDED.payload, size = EXCLUDED.size, stored_at = EXCLUDED.stored_at, \
        fresh_until = EXCLUDED.fresh_until, stale_until = EXCLUDED.stale_until
        """
    }

    /// The 32 bytes the cache keys rows by: the digest's four words, big-endian.
    static func keyBytes(_ key: CallKey) -> [UInt8] {
        let words = key.digestValue.words
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for word in [words.0, words.1, words.2, words.3] {
            withUnsafeBytes(of: word.bigEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// A key of its own for call `index` of a stream tagged `stream` (raw and cache writes never
    /// collide). The first word, which advisory lock ids derive from, differs for every key.
    static func key(tool: ToolID, stream: UInt64, index: Int) -> CallKey {
        let mixed = (stream << 56 | UInt64(truncatingIfNeeded: index)) &* 0x9E37_79B9_7F4A_7C15
        return CallKey(tool: tool, digest: SHA256Digest(words: (mixed, stream, 0x6265_6E63_68, UInt64(index))))
    }

    /// `count` bytes of printable JSON-ish text, the size of a small tool result.
    static func payload(bytes count: Int) -> [UInt8] {
        let text = "{\"summary\":\"" + String(repeating: "x", count: max(0, count - 14)) + "\"}"
        return Array(text.utf8)
    }

    /// An entry holding `payload`, fresh for an hour from now.
    static func entry(_ payload: [UInt8], tool: ToolID) -> CacheEntry {
        let now = SystemClock().now()
        let expiry = now.advanced(by: .seconds(3_600))
        return CacheEntry(payload: payload, tool: tool, storedAt: now, freshUntil: expiry, staleUntil: expiry)
    }

    /// Wall-clock nanoseconds (`CLOCK_REALTIME`): the one clock separate processes agree on.
    static func wallClockNanoseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }

    /// The process's user + system CPU time, in microseconds.
    static func cpuMicroseconds() -> Int64 {
        var usage = rusage()
        #if os(Linux)
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
            getrusage(RUSAGE_SELF, &usage)
        #endif
        let user = Int64(usage.ru_utime.tv_sec) * 1_000_000 + Int64(usage.ru_utime.tv_usec)
        return user + Int64(usage.ru_stime.tv_sec) * 1_000_000 + Int64(usage.ru_stime.tv_usec)
    }

    /// `a / b` for p50s, printed with three decimals.
    static func ratio(_ numerator: LatencySummary, _ denominator: LatencySummary) -> Double {
        denominator.p50 == 0 ? .infinity : Double(numerator.p50) / Double(denominator.p50)
    }
}

extension Harness {
    /// `iterations` timed calls of `operation` after `warmup` untimed ones, as the raw samples so
    /// rounds of several measurements can be interleaved and merged. Indexes start at `first`.
    static func samples(
        warmup: Int,
        iterations: Int,
        first: Int = 0,
        _ operation: (Int) async throws -> Void
    ) async rethrows -> LatencySamples {
        for index in first..<(first + warmup) { try await operation(index) }
        var samples = LatencySamples(capacity: iterations)
        var last = MonotonicClock.now()
        for index in (first + warmup)..<(first + warmup + iterations) {
            try await operation(index)
            let now = MonotonicClock.now()
            samples.record(now &- last)
            last = now
        }
        return samples
    }

    /// The same for blocking calls, run on a dedicated thread.
    static func blockingSamples(
        warmup: Int,
        iterations: Int,
        first: Int = 0,
        _ operation: (Int) throws -> Void
    ) rethrows -> LatencySamples {
        for index in first..<(first + warmup) { try operation(index) }
        var samples = LatencySamples(capacity: iterations)
        var last = MonotonicClock.now()
        for index in (first + warmup)..<(first + warmup + iterations) {
            try operation(index)
            let now = MonotonicClock.now()
            samples.record(now &- last)
            last = now
        }
        return samples
    }
}

import ToolOps
import ToolOpsTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The hidden `--coalesce-worker` mode: one of the processes `cross_process_coalesce` starts.
///
/// Builds a runtime whose only store is a ``PostgresCache`` with cross-process coalescing on the
/// parent's table, opens its connections, sleeps until the shared start time, fires `callers`
/// concurrent calls of the one cold key, and prints one JSON line on stdout:
/// `{"upstream_calls":n,"ok":m,"wall_ms":…,…}`. The connection string comes from
/// `TOOLOPS_POSTGRES_URL` in the environment, never from the command line.
struct CoalesceWorkerOptions: Sendable {
    var key = ""
    var namespace = ""
    var table = ""
    var callers = 50
    var bodyMilliseconds = 50
    /// When to fire, in wall-clock nanoseconds (`CLOCK_REALTIME`), shared by every worker.
    var startAtNanoseconds: Int64 = 0

    /// Parses the arguments after `--coalesce-worker`, all of them.
    init(parsing arguments: inout some IteratorProtocol<String>) throws(BenchmarkOptions.UsageError) {
        while let flag = arguments.next() {
            guard let value = arguments.next() else {
                throw BenchmarkOptions.UsageError(description: "--coalesce-worker: \(flag) needs a value")
            }
            switch flag {
            case "--key": key = value
            case "--namespace": namespace = value
            case "--table": table = value
            case "--callers": callers = Int(value) ?? 0
            case "--body-ms": bodyMilliseconds = Int(value) ?? -1
            case "--start-at-ns": startAtNanoseconds = Int64(value) ?? 0
            default: throw BenchmarkOptions.UsageError(description: "--coalesce-worker: unknown argument '\(flag)'")
            }
        }
        guard !key.isEmpty, !namespace.isEmpty, !table.isEmpty, callers > 0, bodyMilliseconds >= 0,
            startAtNanoseconds > 0
        else {
            throw BenchmarkOptions.UsageError(
                description: "--coalesce-worker needs --key, --namespace, --table, --callers N (>0), "
                    + "--body-ms N and --start-at-ns NS")
        }
    }
}

enum CoalesceWorker {
    /// Runs the worker; returns the process's exit status.
    static func run(_ options: CoalesceWorkerOptions) async -> Int32 {
        guard let url = PostgresBench.url else {
            report(error: PostgresBench.skipReason)
            return 2
        }
        do {
            let cache = try PostgresCache(
                configuration: .init(
                    connectionString: url, namespace: options.namespace, schema: PostgresBench.schema,
                    table: options.table, crossProcessCoalescing: true))
            try await cache.prepare()
            let stores = CacheStoreRegistry()
            stores.register("postgres", cache)
            let observer = CountingObserver()
            let upstream = Counter()
            let body = Duration.milliseconds(options.bodyMilliseconds)
            let tool = try ToolRuntime.benchmark(observer: observer, stores: stores).readonly(
                "bench_cross_process_coalesce", options: .init(cache: "postgres")
            ) { (query: WeatherQuery) in
                upstream.increment()
                try await Task.sleep(for: body)
                return await BenchmarkUpstream.forecast(for: query)
            }
            try await openConnections(cache)

            let late = PostgresBench.wallClockNanoseconds() - options.startAtNanoseconds
            if late < 0 { try await Task.sleep(for: .nanoseconds(-late)) }
            let query = WeatherQuery(city: options.key, day: 0)
            let (ok, firstError) = await withTaskGroup(of: String?.self) { group in
                for _ in 0..<options.callers {
                    group.addTask {
                        do {
                            return try await tool(query).city == query.city ? nil : "wrong answer"
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                var ok = 0
                var firstError: String?
                for await failure in group {
                    if let failure { firstError = firstError ?? failure } else { ok += 1 }
                }
                return (ok, firstError)
            }
            let wall = PostgresBench.wallClockNanoseconds() - options.startAtNanoseconds
            await cache.shutdown()

            var line = JSONLine()
            line.add("upstream_calls", upstream.value)
            line.add("ok", ok)
            line.add("wall_ms", Double(wall) / 1e6, decimals: 3)
            line.add("late_ms", Double(max(0, late)) / 1e6, decimals: 3)
            line.add("coalesced_remote", observer.count("coalesced_remote"))
            line.add("coalesced", observer.count("coalesced"))
            line.add("cache_errors", observer.count("cache_error"))
            if let firstError { line.add("error", firstError) }
            Progress.emit(line)
            return 0
        } catch {
            report(error: "\(error)")
            return 1
        }
    }

    /// Opens every connection of both pools before the start, so the measured burst is the
    /// coalescing alone: lookups of distinct keys hold the lookup pool's connections at once, and
    /// fill leases on distinct keys (taken and released unused) the lock pool's.
    private static func openConnections(_ cache: PostgresCache) async throws {
        let tool = ToolID(name: "bench_coalesce_worker_warmup")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<cache.configuration.poolSize {
                group.addTask { _ = try await cache.entry(for: PostgresBench.key(tool: tool, stream: 4, index: index)) }
            }
            try await group.waitForAll()
        }
        guard let coordinator = cache.fillCoordinator else { return }
        let leases = try await withThrowingTaskGroup(of: (any CacheFillLease).self) { group in
            for index in 0..<cache.configuration.lockPoolSize {
                group.addTask {
                    try await coordinator.acquireFill(
                        for: PostgresBench.key(tool: tool, stream: 5, index: Int(getpid()) &* 64 &+ index))
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for lease in leases { await lease.release() }
    }

    private static func report(error: String) {
        var line = JSONLine()
        line.add("error", error)
        Progress.emit(line)
    }
}

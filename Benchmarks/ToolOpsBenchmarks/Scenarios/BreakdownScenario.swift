import ToolOps
import ToolOpsTesting

/// Where a call's time goes: the same calls through pipelines with stages taken out one by one.
///
/// Not part of the default suite (run it with `--scenario breakdown`). Each line is named
/// `breakdown.<variant>`; comparing a variant with the full pipeline gives the cost of what it
/// leaves out. The note carries the RSS growth over the variant, which exposes per-call memory
/// that outlives the call (such as timers left armed).
enum BreakdownScenario {
    /// One pipeline to time.
    struct Variant {
        var name: String
        var options = ReadOnlyOptions()
        var observer: Observer = .counting
        /// Every input distinct (a miss each time) rather than one warm input.
        var uniqueInputs = false
        /// The body fails and the breaker is tripped first, so every call is refused.
        var rejected = false
    }

    enum Observer { case counting, none }

    static let variants: [Variant] = [
        Variant(name: "hit"),
        Variant(name: "hit_noop_observer", observer: .none),
        Variant(name: "miss", uniqueInputs: true),
        Variant(name: "miss_no_timeout", options: .init(timeout: nil), uniqueInputs: true),
        Variant(name: "miss_no_coalesce", options: .init(coalesce: false), uniqueInputs: true),
        Variant(name: "miss_no_timeout_no_coalesce", options: .init(timeout: nil, coalesce: false), uniqueInputs: true),
        Variant(
            name: "miss_cache_only",
            options: .init(retries: 0, timeout: nil, circuitBreaker: false, coalesce: false),
            uniqueInputs: true
        ),
        Variant(
            name: "call_no_stages",
            options: .init(cache: .disabled, retries: 0, timeout: nil, circuitBreaker: false, coalesce: false),
            uniqueInputs: true
        ),
        Variant(name: "reject", options: rejectOptions(coalesce: true), uniqueInputs: true, rejected: true),
        Variant(
            name: "reject_no_coalesce", options: rejectOptions(coalesce: false), uniqueInputs: true, rejected: true),
        Variant(
            name: "reject_no_coalesce_noop_observer",
            options: rejectOptions(coalesce: false),
            observer: .none,
            uniqueInputs: true,
            rejected: true
        ),
    ]

    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        let iterations = workload.iterations(full: 100_000, quick: 20_000)
        var results = [try await keyDerivation(iterations: iterations)]
        for variant in variants {
            results.append(try await measure(variant, iterations: iterations))
        }
        return results
    }

    private static func rejectOptions(coalesce: Bool) -> ReadOnlyOptions {
        ReadOnlyOptions(
            cache: .disabled,
            retries: 0,
            circuitThreshold: 1,
            circuitRecovery: .seconds(3_600),
            coalesce: coalesce
        )
    }

    /// The key alone: encoding the input, canonical JSON and SHA-256, as every call pays first.
    private static func keyDerivation(iterations: Int) async throws -> BenchmarkResult {
        let tool = try ToolRuntime.benchmark(observer: NoOpObserver()).readonly("bench_key") {
            (query: WeatherQuery) in await BenchmarkUpstream.forecast(for: query)
        }
        var checksum = 0
        let latency = try await Harness.latency(warmup: iterations / 10, iterations: iterations) { index in
            checksum &+= try tool.key(for: WeatherQuery(city: "Paris", day: index)).digest.utf8.count
        }
        var result = BenchmarkResult(scenario: "breakdown.key_only", target: "diagnostic", iterations: iterations)
        result.latency = latency
        result.operationsPerSecond = latency.operationsPerSecond
        result.note = "Tool.key(for:) only (checksum \(checksum & 0xFF))"
        return result
    }

    private static func measure(_ variant: Variant, iterations: Int) async throws -> BenchmarkResult {
        let observer: any ToolObserver = variant.observer == .counting ? CountingObserver() : NoOpObserver()
        let runtime = ToolRuntime.benchmark(observer: observer)
        let upstream = Counter()
        let fails = variant.rejected
        let tool = try runtime.readonly("bench_breakdown_\(variant.name)", options: variant.options) {
            (query: WeatherQuery) async throws -> Forecast in
            upstream.increment()
            if fails { throw BenchmarkUpstream.Unavailable() }
            return await BenchmarkUpstream.forecast(for: query)
        }
        // Trip the breaker, or warm the one key the hit variants use.
        _ = try? await tool(WeatherQuery(city: "Paris", day: -1))

        let rssBefore = ResidentMemory.megabytes()
        var failures = 0
        let latency = await Harness.latency(warmup: iterations / 10, iterations: iterations) { index in
            do {
                _ = try await tool(WeatherQuery(city: "Paris", day: variant.uniqueInputs ? index : -1))
            } catch {
                failures += 1
            }
        }
        var growth = "unknown"
        if let rssBefore, let rssAfter = ResidentMemory.megabytes() {
            growth = JSONLine.decimal(rssAfter - rssBefore, places: 1)
        }
        var result = BenchmarkResult(
            scenario: "breakdown.\(variant.name)", target: "diagnostic", iterations: iterations)
        result.latency = latency
        result.operationsPerSecond = latency.operationsPerSecond
        result.upstreamCalls = upstream.value
        result.note =
            "stages \(tool.stages.map(\.description).joined(separator: ">")); failed calls \(failures); "
            + "rss growth \(growth) MiB"
        return result
    }
}

import Logging
import ToolOps
import ToolOpsTesting

/// `memory_hit` with telemetry on: what observing every call costs.
enum TelemetryScenarios {
    /// Metrics into Prometheus, rolling statistics, logs at warning (so no line per call), the
    /// default tracer with nothing bootstrapped (no-op).
    static func memoryHitTelemetry(_ workload: Workload) async throws -> BenchmarkResult {
        let prometheus = ToolOpsPrometheus()
        let telemetry = try fullTelemetry(logLevel: .warning, prometheus: prometheus)
        var result = try await run(
            scenario: "memory_hit_telemetry", target: "p50<=4us", limit: 4_000, telemetry: telemetry, workload)
        let exposition = prometheus.exposition()
        result.note = "metrics + statistics + logs at warning + no-op tracer; exposition \(exposition.utf8.count) bytes"
        return result
    }

    /// The same, with the logger at info: one JSON line per call, written to /dev/null.
    static func memoryHitLogged(_ workload: Workload) async throws -> BenchmarkResult {
        let telemetry = try fullTelemetry(logLevel: .info, prometheus: ToolOpsPrometheus())
        var result = try await run(
            scenario: "memory_hit_logged", target: "p50<=10us", limit: 10_000, telemetry: telemetry, workload)
        result.note = "one JSON line per call to /dev/null, plus metrics, statistics and the no-op tracer"
        return result
    }

    /// Metrics into `prometheus`, statistics, the default (no-op) tracer, and JSON lines to
    /// /dev/null from a logger at `logLevel`.
    private static func fullTelemetry(logLevel: Logger.Level, prometheus: ToolOpsPrometheus) throws -> ToolTelemetry {
        let sink = try FileDescriptorSink(appendingTo: "/dev/null")
        return ToolTelemetry(
            logger: Logger(label: "toolops") { label in
                JSONLinesLogHandler(label: label, sink: sink, configuration: .init(logLevel: logLevel))
            },
            metricsFactory: prometheus.factory
        )
    }

    /// Diagnostic: `memory_hit` with one part of the telemetry at a time, to see what each costs.
    static func breakdown(_ workload: Workload) async throws -> [BenchmarkResult] {
        let prometheus = ToolOpsPrometheus()
        let sink = try FileDescriptorSink(appendingTo: "/dev/null")
        let warningLogger = Logger(label: "toolops") { label in
            JSONLinesLogHandler(label: label, sink: sink, configuration: .init(logLevel: .warning))
        }
        let variants: [(String, ToolTelemetry)] = [
            ("statistics_only", ToolTelemetry(metrics: false, tracer: nil)),
            ("with_noop_tracer", ToolTelemetry(metrics: false)),
            ("with_metrics", ToolTelemetry(metricsFactory: prometheus.factory, tracer: nil)),
            ("with_logs_at_warning", ToolTelemetry(logger: warningLogger, metrics: false, tracer: nil)),
        ]
        var results: [BenchmarkResult] = []
        for (name, telemetry) in variants {
            var result = try await run(
                scenario: "telemetry_breakdown_\(name)", target: "diagnostic", limit: .max, telemetry: telemetry,
                workload)
            result.targetMet = nil
            results.append(result)
        }
        return results
    }

    private static func run(
        scenario: String, target: String, limit: UInt64, telemetry: ToolTelemetry, _ workload: Workload
    ) async throws -> BenchmarkResult {
        let iterations = workload.iterations(full: 300_000, quick: 50_000)
        let runtime = ToolRuntime(environment: ToolEnvironment(telemetry: telemetry))
        let upstream = Counter()
        let tool = try runtime.readonly("bench_\(scenario)") { (query: WeatherQuery) in
            upstream.increment()
            return await BenchmarkUpstream.forecast(for: query)
        }
        let query = WeatherQuery(city: "Paris", day: 1)
        _ = try await tool(query)
        var checksum = 0
        let latency = try await Harness.latency(warmup: iterations / 10, iterations: iterations) { _ in
            checksum &+= try await tool(query).day
        }
        let calls = telemetry.statistics.snapshot(tool: tool.id)?.lifetime.calls ?? 0
        var result = BenchmarkResult(scenario: scenario, target: target, iterations: iterations)
        result.latency = latency
        result.operationsPerSecond = latency.operationsPerSecond
        result.upstreamCalls = upstream.value
        // Every call was observed: the statistics counted them all.
        result.targetMet = latency.p50 <= limit && upstream.value == 1 && calls == iterations + iterations / 10 + 1
        return result
    }
}

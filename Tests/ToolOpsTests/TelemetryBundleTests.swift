import InMemoryTracing
import Logging
import Testing
import ToolOps
import ToolOpsTesting

@Suite("ToolTelemetry bundle")
struct TelemetryBundleTests {
    @Test("one environment feeds statistics, Prometheus metrics, JSON logs and spans from the same calls")
    func everyPartSeesTheCalls() async throws {
        let clock = ManualClock()
        let prometheus = ToolOpsPrometheus()
        let sink = CapturedLines()
        let logger = Logger(label: "toolops") { label in
            JSONLinesLogHandler(label: label, sink: sink, configuration: .init(clock: clock, logLevel: .info))
        }
        let tracer = InMemoryTracer()
        let extra = RecordingObserver()
        let telemetry = ToolTelemetry(
            logger: logger,
            metricsFactory: prometheus.factory,
            tracer: ToolTracer(tracer: tracer)
        )
        let stores = CacheStoreRegistry()
        stores.register("memory", MemoryCache(configuration: .init(clock: clock)))
        let runtime = ToolRuntime(
            environment: ToolEnvironment(clock: clock, telemetry: telemetry, observers: [extra]), stores: stores)
        let tool = try runtime.readonly("convert") { (query: Query) in query.id * 2 }
        for _ in 0..<3 { _ = try await tool(Query(id: 21)) }

        let statistics = try #require(telemetry.statistics.snapshot(tool: tool.id)?.lifetime)
        #expect(statistics.calls == 3)
        #expect(statistics.cacheHits == 2)
        #expect(statistics.upstreamCalls == 1)
        let exposition = prometheus.exposition()
        #expect(exposition.contains(#"toolops_calls_total{tool="convert",version="1",outcome="success"} 3"#))
        #expect(sink.lines.filter { $0.contains("tool call succeeded") }.count == 3)
        #expect(tracer.finishedSpans.filter { $0.operationName == "execute_tool convert" }.count == 3)
        #expect(extra.names.filter { $0 == "succeeded" }.count == 3, "the app's own observer sees the events too")
    }

    @Test("parts can be turned off: no logger, no metrics, no tracer")
    func partsOff() async throws {
        let telemetry = ToolTelemetry(metrics: false, tracer: nil)
        #expect(telemetry.logging == nil)
        #expect(telemetry.metrics == nil)
        #expect(telemetry.tracer == nil)
        let environment = ToolEnvironment(telemetry: telemetry)
        #expect(environment.tracing == nil)
        let tool = try ToolRuntime(environment: environment).readonly("plain") { (query: Query) in query.id }
        _ = try await tool(Query(id: 1))
        #expect(telemetry.statistics.snapshot(tool: tool.id)?.lifetime.calls == 1)
    }
}

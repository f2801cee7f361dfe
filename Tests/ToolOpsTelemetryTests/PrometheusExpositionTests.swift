import CoreMetrics
import Testing
import ToolOpsCore
import ToolOpsTelemetry

@Suite("Prometheus exposition")
struct PrometheusExpositionTests {
    let prometheus = ToolOpsPrometheus()
    let observer: ToolMetricsObserver

    init() {
        observer = ToolMetricsObserver(configuration: .init(factory: prometheus.factory))
    }

    @Test("every line parses, and each family has one TYPE line that comes before its samples")
    func everyLineParsesUnderItsTypeLine() throws {
        observer.play(everyKindForExposition)
        observer.play(everyKindForExposition, tool: ToolID(name: "fetch", version: "3"))

        let text = try PrometheusText(parsing: prometheus.exposition())

        let families = text.types.map(\.name)
        #expect(Set(families).count == families.count)
        #expect(families.count >= 12)
        for sample in text.samples {
            // Each sample belongs to the family whose TYPE line is the last one above it.
            let current = try #require(text.types.last { $0.line < sample.line })
            #expect(current.name == text.family(of: sample), "\(sample.name) under \(current.name)")
        }
        #expect(text.samples.count > families.count)
    }

    @Test("metric and label names are valid Prometheus names")
    func namesAreValid() throws {
        observer.play(everyKindForExposition)

        let text = try PrometheusText(parsing: prometheus.exposition())

        #expect(!text.samples.isEmpty)
        for sample in text.samples {
            #expect(PrometheusText.isValidMetricName(sample.name), "\(sample.name)")
            for label in sample.labels.keys {
                #expect(PrometheusText.isValidLabelName(label), "\(label) of \(sample.name)")
            }
        }
    }

    @Test("counters carry their exact totals by outcome, store and code")
    func countersAreExact() throws {
        observer.feedExposition(.started, times: 4)
        observer.feedExposition(.cacheMiss(store: "memory"), times: 4)
        observer.feedExposition(.cacheHit(store: "memory"), times: 2)
        observer.feedExposition(.upstreamCalled(attempt: 1), times: 4)
        observer.feedExposition(.succeeded(duration: .milliseconds(3)), times: 3)
        observer.feedExposition(.failed(duration: .seconds(1), error: ToolError(code: .timeout, message: "x")))

        let text = try PrometheusText(parsing: prometheus.exposition())

        #expect(text.type(of: "toolops_calls_total") == "counter")
        #expect(text.value("toolops_calls_total", searchLabels(["outcome": "success"])) == 3)
        #expect(text.value("toolops_calls_total", searchLabels(["outcome": "failure"])) == 1)
        #expect(text.value("toolops_cache_lookups_total", searchLabels(["store": "memory", "result": "miss"])) == 4)
        #expect(text.value("toolops_cache_lookups_total", searchLabels(["store": "memory", "result": "hit"])) == 2)
        #expect(text.value("toolops_upstream_calls_total", searchLabels()) == 4)
        #expect(text.value("toolops_failures_total", searchLabels(["code": "timeout"])) == 1)
        #expect(text.type(of: "toolops_in_flight_calls") == "gauge")
        #expect(text.value("toolops_in_flight_calls", searchLabels()) == 0)
    }

    @Test("call durations form a cumulative histogram in seconds over the ToolOps latency buckets")
    func durationHistogramIsCumulativeInSeconds() throws {
        // 5 ms sits exactly on a bound, which `le` includes.
        let durations: [Duration] = [.milliseconds(3), .milliseconds(5), .milliseconds(40), .seconds(2)]
        for duration in durations { observer.feedExposition(.succeeded(duration: duration)) }
        observer.feedExposition(.failed(duration: .milliseconds(750), error: ToolError(code: .timeout, message: "x")))

        let text = try PrometheusText(parsing: prometheus.exposition())
        let name = "toolops_call_duration_seconds"
        let success = searchLabels(["outcome": "success"])

        #expect(text.type(of: name) == "histogram")
        let buckets = text.buckets(name, success)
        let bounds = ToolOpsPrometheus.Configuration.defaultDurationBuckets.map(\.seconds) + [.infinity]
        #expect(buckets.map(\.le) == bounds)
        #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.count <= $1.count })
        #expect(buckets.last?.count == text.value("\(name)_count", success))
        #expect(text.value("\(name)_count", success) == 4)
        let sum = try #require(text.value("\(name)_sum", success))
        #expect(abs(sum - durations.map(\.seconds).reduce(0, +)) < 1e-9)

        let counts = Dictionary(uniqueKeysWithValues: buckets.map { ($0.le, $0.count) })
        #expect(counts[0.0025] == 0)
        #expect(counts[0.005] == 2)
        #expect(counts[0.025] == 2)
        #expect(counts[0.05] == 3)
        #expect(counts[1] == 3)
        #expect(counts[2.5] == 4)

        let failure = searchLabels(["outcome": "failure"])
        #expect(text.buckets(name, failure).first { $0.count == 1 }?.le == 1)
        #expect(text.value("\(name)_sum", failure) == 0.75)
    }

    @Test("label values with quotes, backslashes and newlines are escaped and read back unchanged")
    func labelValuesAreEscaped() throws {
        let weird = ToolID(name: "we\"ird\\name\nx", version: "1")
        observer.feedExposition(.cacheHit(store: "mem\"ory"), tool: weird)
        observer.feedExposition(.succeeded(duration: .milliseconds(3)), tool: weird)

        let exposition = prometheus.exposition()
        let text = try PrometheusText(parsing: exposition)

        #expect(exposition.contains(#"tool="we\"ird\\name\nx""#))
        #expect(exposition.contains(#"store="mem\"ory""#))
        let lookups = ["tool": weird.name, "version": "1", "store": "mem\"ory", "result": "hit"]
        #expect(text.value("toolops_cache_lookups_total", lookups) == 1)
        let calls = ["tool": weird.name, "version": "1", "outcome": "success"]
        #expect(text.value("toolops_calls_total", calls) == 1)
        #expect(text.value("toolops_call_duration_seconds_count", calls) == 1)
    }

    @Test("duration buckets are sorted, deduplicated and kept positive")
    func customBucketsAreNormalized() throws {
        let prometheus = ToolOpsPrometheus(
            configuration: .init(durationBuckets: [.seconds(1), .milliseconds(10), .seconds(1), .zero]))
        let observer = ToolMetricsObserver(configuration: .init(factory: prometheus.factory))
        observer.feedExposition(.succeeded(duration: .milliseconds(20)))

        #expect(prometheus.configuration.durationBuckets == [.milliseconds(10), .seconds(1)])
        let text = try PrometheusText(parsing: prometheus.exposition())
        let buckets = text.buckets("toolops_call_duration_seconds", searchLabels(["outcome": "success"]))
        #expect(buckets.map(\.le) == [0.01, 1, .infinity])
        #expect(buckets.map(\.count) == [0, 1, 1])
    }

    @Test("the factory serves swift-metrics' own factory lookup without a global bootstrap")
    func factoryWorksThroughMetricsSystem() throws {
        let observer = withMetricsFactory(prometheus.factory) { ToolMetricsObserver() }
        observer.feedExposition(.upstreamCalled(attempt: 1), times: 2)

        let text = try PrometheusText(parsing: prometheus.exposition())

        #expect(text.value("toolops_upstream_calls_total", searchLabels()) == 2)
    }

    @Test("write(into:) appends the exposition to the buffer")
    func writeAppendsExposition() {
        observer.play(everyKindForExposition)
        var buffer = Array("kept\n".utf8)

        prometheus.write(into: &buffer)

        #expect(String(decoding: buffer, as: UTF8.self) == "kept\n" + prometheus.exposition())
    }

    @Test("the content type names the text format, version 0.0.4, in UTF-8")
    func contentTypeIsTextFormat004() {
        #expect(ToolOpsPrometheus.contentType == "text/plain; version=0.0.4; charset=utf-8")
    }
}

private let searchToolForExposition = ToolID(name: "search", version: "1")

private func searchLabels(_ extra: [String: String] = [:]) -> [String: String] {
    extra.merging(["tool": "search", "version": "1"]) { first, _ in first }
}

/// One event of every kind the observer turns into a metric.
private let everyKindForExposition: [ToolEvent.Kind] = [
    .started, .cacheHit(store: "memory"), .cacheMiss(store: "memory"), .staleServed(store: "memory", age: .seconds(1)),
    .cacheWritten(store: "memory", bytes: 10),
    .cacheError(store: "memory", error: ToolError(code: .upstream, message: "x")),
    .coalesced, .coalescedRemote(store: "postgres"),
    .retry(attempt: 1, delay: .zero, error: ToolError(code: .upstream, message: "x")),
    .breakerTransition(from: .closed, to: .open), .rejected(.circuitOpen), .timedOut(after: .seconds(1), attempt: 1),
    .fallbackUsed(error: ToolError(code: .timeout, message: "x")), .upstreamCalled(attempt: 1),
    .succeeded(duration: .milliseconds(1)),
    .failed(duration: .milliseconds(1), error: ToolError(code: .upstream, message: "x")),
]

extension ToolMetricsObserver {
    fileprivate func feedExposition(_ kind: ToolEvent.Kind, times: Int = 1, tool: ToolID = searchToolForExposition) {
        for _ in 0..<times {
            observe(
                ToolEvent(
                    tool: tool,
                    callID: 1,
                    key: CallKey(tool: tool, canonicalArguments: .object([:])),
                    sessionID: nil,
                    timestamp: Timestamp(nanosecondsSinceEpoch: 1_704_067_200_000_000_000),
                    kind: kind
                )
            )
        }
    }

    fileprivate func play(_ kinds: [ToolEvent.Kind], tool: ToolID = searchToolForExposition) {
        for kind in kinds { feedExposition(kind, tool: tool) }
    }
}

extension PrometheusText {
    /// The family a sample belongs to: its name, less `_bucket`, `_sum` or `_count` for histograms.
    fileprivate func family(of sample: Sample) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where sample.name.hasSuffix(suffix) {
            let base = String(sample.name.dropLast(suffix.count))
            if type(of: base) == "histogram" { return base }
        }
        return sample.name
    }

    fileprivate func type(of family: String) -> String? {
        types.first { $0.name == family }?.type
    }

    /// The value of the one sample named `name` with exactly `labels`.
    fileprivate func value(_ name: String, _ labels: [String: String]) -> Double? {
        let matches = samples.filter { $0.name == name && $0.labels == labels }
        return matches.count == 1 ? matches[0].value : nil
    }

    /// A histogram's `_bucket` samples with `labels` (besides `le`), in the order they were written.
    fileprivate func buckets(_ name: String, _ labels: [String: String]) -> [(le: Double, count: Double)] {
        samples.compactMap { sample in
            var rest = sample.labels
            guard sample.name == "\(name)_bucket", let le = rest.removeValue(forKey: "le"), rest == labels,
                let bound = le == "+Inf" ? Double.infinity : Double(le)
            else { return nil }
            return (bound, sample.value)
        }
    }
}

extension Duration {
    fileprivate var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}

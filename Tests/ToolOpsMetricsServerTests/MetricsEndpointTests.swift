import CoreMetrics
import Synchronization
import Testing
import ToolOpsMetricsServer
import ToolOpsTelemetry

@Suite("Metrics endpoint", .timeLimit(.minutes(1)))
struct MetricsEndpointTests {
    let prometheus = ToolOpsPrometheus()

    @Test("GET /metrics serves the registry's exposition, rendered again for each request")
    func getServesTheCurrentExposition() async throws {
        let counter = Counter(label: "scrapes_seen_total", dimensions: [("job", "test")], factory: prometheus.factory)
        counter.increment(by: 3)

        try await withStarted(ephemeralServer(prometheus)) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                let first = try await connection.request("GET", "/metrics")
                counter.increment(by: 2)
                let second = try await connection.request("GET", "/metrics")

                #expect(first.status == 200)
                #expect(first.body.contains(#"scrapes_seen_total{job="test"} 3"#))
                #expect(second.status == 200)
                #expect(second.body.contains(#"scrapes_seen_total{job="test"} 5"#))
                #expect(second.body == prometheus.exposition())
            }
        }
    }

    @Test("the exposition is served with the Prometheus content type and its exact length")
    func contentTypeAndLength() async throws {
        Counter(label: "toolops_calls_total", dimensions: [("tool", "search")], factory: prometheus.factory)
            .increment(by: 7)
        let expected = prometheus.exposition()

        let response = try await withStarted(ephemeralServer(prometheus)) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.request("GET", "/metrics") }
        }

        #expect(response.version == "HTTP/1.1")
        #expect(response.value(of: "Content-Type") == ToolOpsPrometheus.contentType)
        #expect(response.value(of: "Content-Length") == String(expected.utf8.count))
        #expect(response.body == expected)
    }

    @Test("the closure initializer serves what the closure returns, calling it once per request")
    func closureIsCalledPerRequest() async throws {
        let calls = Mutex(0)
        let server = MetricsServer(configuration: .init(port: 0)) {
            "requests_total \(calls.withLock { $0 += 1; return $0 })\n"
        }

        let bodies = try await withStarted(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                [
                    try await connection.request("GET", "/metrics").body,
                    try await connection.request("GET", "/metrics").body,
                ]
            }
        }

        #expect(bodies == ["requests_total 1\n", "requests_total 2\n"])
    }

    @Test("HEAD sends the GET headers, Content-Length included, and no body")
    func headHasNoBody() async throws {
        Counter(label: "toolops_calls_total", factory: prometheus.factory).increment(by: 1)

        try await withStarted(ephemeralServer(prometheus)) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                // Both requests at once: a body after the HEAD response would be read as the GET's status line.
                try await connection.send(
                    RawHTTPConnection.requestText("HEAD", "/metrics") + RawHTTPConnection.requestText("GET", "/metrics")
                )
                let head = try await connection.readResponse(toHEAD: true)
                let get = try await connection.readResponse()

                #expect(head.status == 200)
                #expect(head.value(of: "Content-Type") == ToolOpsPrometheus.contentType)
                #expect(get.status == 200)
                #expect(!get.body.isEmpty)
                #expect(head.value(of: "Content-Length") == String(get.body.utf8.count))
            }
        }
    }

    @Test("query strings are ignored when matching the path")
    func queryStringIsIgnored() async throws {
        Counter(label: "toolops_calls_total", factory: prometheus.factory).increment(by: 1)

        try await withStarted(ephemeralServer(prometheus)) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                let metrics = try await connection.request("GET", "/metrics?name[]=toolops_calls_total")
                let health = try await connection.request("GET", "/healthz?verbose=1")

                #expect(metrics.status == 200)
                #expect(metrics.body == prometheus.exposition())
                #expect(health.status == 200)
            }
        }
    }

    @Test("a configured path is served instead of /metrics")
    func configuredPath() async throws {
        try await withStarted(ephemeralServer(prometheus, path: "/internal/prometheus")) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                let custom = try await connection.request("GET", "/internal/prometheus")
                let standard = try await connection.request("GET", "/metrics")

                #expect(custom.status == 200)
                #expect(custom.value(of: "Content-Type") == ToolOpsPrometheus.contentType)
                #expect(standard.status == 404)
                #expect(standard.body.contains("/internal/prometheus"))
            }
        }
    }
}

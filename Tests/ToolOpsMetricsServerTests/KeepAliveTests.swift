import Testing
import ToolOpsMetricsServer
import ToolOpsTelemetry

@Suite("Keep-alive and connection close", .timeLimit(.minutes(1)))
struct KeepAliveTests {
    let server = ephemeralServer(ToolOpsPrometheus())

    @Test("requests on one HTTP/1.1 connection are answered in turn, and the connection stays open")
    func keepAlive() async throws {
        try await withStarted(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                let first = try await connection.request("GET", "/metrics")
                let second = try await connection.request("GET", "/healthz")
                let third = try await connection.request("HEAD", "/metrics")

                #expect([first.status, second.status, third.status] == [200, 200, 200])
                #expect(second.body == "ok\n")
                for response in [first, second, third] {
                    #expect(response.values(of: "Connection").isEmpty)
                }
            }
        }
    }

    @Test("pipelined requests are answered in order")
    func pipelining() async throws {
        try await withStarted(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                try await connection.send(
                    RawHTTPConnection.requestText("GET", "/nope") + RawHTTPConnection.requestText("GET", "/healthz")
                        + RawHTTPConnection.requestText("PUT", "/metrics"))

                let statuses = [
                    try await connection.readResponse().status,
                    try await connection.readResponse().status,
                    try await connection.readResponse().status,
                ]
                #expect(statuses == [404, 200, 405])
            }
        }
    }

    @Test("Connection: close is answered with Connection: close, then the server closes")
    func connectionClose() async throws {
        try await withStarted(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                let response = try await connection.request("GET", "/metrics", headers: ["Connection: close"])

                #expect(response.status == 200)
                #expect(response.value(of: "Connection") == "close")
                let closed = try await connection.serverCloses()
                #expect(closed)
            }
        }
    }

    @Test("HTTP/1.0 closes after the response unless the client asks for keep-alive")
    func http10() async throws {
        try await withStarted(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                try await connection.send("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                let kept = try await connection.readResponse()
                try await connection.send("GET /healthz HTTP/1.0\r\n\r\n")
                let closing = try await connection.readResponse()

                #expect(kept.version == "HTTP/1.0")
                #expect(kept.value(of: "Connection") == "keep-alive")
                #expect(closing.status == 200)
                #expect(closing.value(of: "Connection") == "close")
                let closed = try await connection.serverCloses()
                #expect(closed)
            }
        }
    }

    @Test("a connection idle for longer than idleTimeout is closed by the server")
    func idleTimeout() async throws {
        // Nothing is sent: a request racing the short timeout on a loaded machine would make
        // the test flaky, and an abandoned connection that never sent anything is the case to pin.
        let server = ephemeralServer(ToolOpsPrometheus(), idleTimeout: .milliseconds(50))

        try await withStarted(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                let closed = try await connection.serverCloses()
                #expect(closed)
            }
        }
    }
}

import Testing
import ToolOpsMetricsServer
import ToolOpsTelemetry

@Suite("Health check, 404 and 405", .timeLimit(.minutes(1)))
struct OtherRoutesTests {
    let server = ephemeralServer(ToolOpsPrometheus())

    @Test("GET /healthz answers 200 ok as plain text")
    func healthCheck() async throws {
        let response = try await withStarted(server) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.request("GET", "/healthz") }
        }

        #expect(response.status == 200)
        #expect(response.value(of: "Content-Type") == "text/plain; charset=utf-8")
        #expect(response.value(of: "Content-Length") == "3")
        #expect(response.body == "ok\n")
    }

    @Test(
        "unknown paths answer 404 with a short text naming the metrics path", arguments: ["/", "/nope", "/metrics/x"])
    func unknownPath(_ path: String) async throws {
        let response = try await withStarted(server) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.request("GET", path) }
        }

        #expect(response.status == 404)
        #expect(response.value(of: "Content-Type") == "text/plain; charset=utf-8")
        #expect(response.body == "no such path: \(path); the metrics are at /metrics.\n")
    }

    @Test("other methods answer 405 with Allow: GET, HEAD", arguments: [("POST", "/metrics"), ("DELETE", "/healthz")])
    func otherMethod(_ method: String, _ path: String) async throws {
        let response = try await withStarted(server) { port in
            try await RawHTTPConnection.with(port: port) { try await $0.request(method, path) }
        }

        #expect(response.status == 405)
        #expect(response.value(of: "Allow") == "GET, HEAD")
        #expect(response.body == "method \(method) is not allowed on \(path); use GET or HEAD.\n")
    }

    @Test("a request body is dropped and the connection stays usable")
    func requestBodyIsDropped() async throws {
        try await withStarted(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                try await connection.send("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
                let post = try await connection.readResponse()
                let get = try await connection.request("GET", "/healthz")

                #expect(post.status == 405)
                #expect(get.status == 200)
                #expect(get.body == "ok\n")
            }
        }
    }

    @Test("a malformed request gets 400 and the connection is closed")
    func malformedRequest() async throws {
        try await withStarted(server) { port in
            try await RawHTTPConnection.with(port: port) { connection in
                try await connection.send("this is not HTTP\r\n\r\n")
                let response = try await connection.readResponse()

                #expect(response.status == 400)
                #expect(try await connection.serverCloses())
            }
        }
    }
}

import Testing

@testable import ToolOpsSemantic

@Suite(.timeLimit(.minutes(1))) struct CurlHTTPClientTests {
    @Test func sendsMethodHeadersAndBodyAndReturnsTheResponse() async throws {
        let server = try await TestHTTPServer.start { request, _ in
            .respond(status: 201, headers: [("X-Echo", request.header("x-token") ?? "")], body: "got \(request.body)")
        }
        defer { Task { try await server.stop() } }
        let response = try await CurlHTTPClient.shared.send(
            HTTPRequest(
                method: "POST", url: server.baseURL + "/echo", headers: [HTTPHeader("X-Token", "abc")],
                body: Array("hello".utf8)))
        #expect(response.status == 201)
        #expect(response.header("x-echo") == "abc")
        #expect(response.text == "got hello")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.uri == "/echo")
    }

    @Test func aRefusedConnectionFailsWithConnectionFailed() async throws {
        let server = try await TestHTTPServer.start { _, _ in .respond(status: 200, body: "") }
        let url = server.baseURL
        try await server.stop()
        await #expect(throws: HTTPClientError.self) {
            _ = try await CurlHTTPClient.shared.send(HTTPRequest(url: url))
        }
        do {
            _ = try await CurlHTTPClient.shared.send(HTTPRequest(url: url))
        } catch {
            #expect(error.code == .connectionFailed)
            #expect(error.message.contains("127.0.0.1"))
        }
    }

    @Test func aSilentServerFailsWithTimeoutAfterTheRequestsLimit() async throws {
        let server = try await TestHTTPServer.start { _, _ in .hang }
        defer { Task { try await server.stop() } }
        let request = HTTPRequest(url: server.baseURL, timeout: .milliseconds(200))
        do {
            _ = try await CurlHTTPClient.shared.send(request)
            Issue.record("expected a timeout")
        } catch {
            #expect(error.code == .timeout)
        }
    }

    @Test func cancellingTheCallerAbandonsTheTransferAndClosesItsConnection() async throws {
        let server = try await TestHTTPServer.start { _, _ in .hang }
        defer { Task { try await server.stop() } }
        let call = Task {
            try await CurlHTTPClient.shared.send(HTTPRequest(url: server.baseURL, timeout: .seconds(60)))
        }
        var arrivals = server.arrivals.makeAsyncIterator()
        _ = await arrivals.next()
        call.cancel()
        let result = await call.result
        #expect(throws: HTTPClientError(.cancelled, "the request was cancelled")) { try result.get() }
        var closes = server.closedConnections.makeAsyncIterator()
        _ = await closes.next()
    }

    @Test func manyConcurrentRequestsAllComplete() async throws {
        let server = try await TestHTTPServer.start { request, _ in .respond(status: 200, body: request.uri) }
        defer { Task { try await server.stop() } }
        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<40 {
                group.addTask {
                    try await CurlHTTPClient.shared.send(HTTPRequest(url: server.baseURL + "/\(index)")).text
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(bodies == Set((0..<40).map { "/\($0)" }))
    }
}

import Testing
import ToolOpsMetricsServer
import ToolOpsTelemetry

@Suite("Start, run and shutdown", .timeLimit(.minutes(1)))
struct LifecycleTests {
    let server = ephemeralServer(ToolOpsPrometheus())

    @Test("start on port 0 returns the ephemeral port, which serves")
    func startReturnsBoundPort() async throws {
        let (port, status) = try await withStarted(server) { port in (port, try await healthStatus(port: port)) }

        #expect(port > 0)
        #expect(status == 200)
    }

    @Test("shutdown closes the listening socket: a new connection is refused")
    func shutdownClosesPort() async throws {
        let port = try await server.start()
        #expect(await !connectionRefused(port: port))

        await server.shutdown()

        #expect(await connectionRefused(port: port))
    }

    @Test("shutdown closes open keep-alive connections")
    func shutdownClosesConnections() async throws {
        let port = try await server.start()
        try await RawHTTPConnection.with(port: port) { connection in
            let response = try await connection.request("GET", "/metrics")

            await server.shutdown()

            let closed = try await connection.serverCloses()
            #expect(response.status == 200)
            #expect(closed)
        }
    }

    @Test("start twice throws alreadyStarted, and the first start keeps serving")
    func startTwice() async throws {
        try await withStarted(server) { port in
            let error = await #expect(throws: MetricsServerError.self) { try await server.start() }
            let status = try await healthStatus(port: port)

            #expect(error?.code == .alreadyStarted)
            #expect(status == 200)
        }
    }

    @Test("start after shutdown throws alreadyShutDown", arguments: [true, false])
    func startAfterShutdown(startedBefore: Bool) async throws {
        if startedBefore { try await server.start() }
        await server.shutdown()

        let error = await #expect(throws: MetricsServerError.self) { try await server.start() }

        #expect(error?.code == .alreadyShutDown)
        #expect(error?.description.contains("create a new MetricsServer") == true)
    }

    @Test("run returns once shutdown() is called, with the port closed")
    func runReturnsOnShutdown() async throws {
        let port = try await server.start()
        let running = Task { try await server.run() }
        #expect(try await healthStatus(port: port) == 200)

        await server.shutdown()

        try await running.value
        #expect(await connectionRefused(port: port))
    }

    @Test("run returns when its task is cancelled, with the port closed")
    func runReturnsOnCancellation() async throws {
        let port = try await server.start()
        let running = Task { try await server.run() }

        running.cancel()

        try await running.value
        #expect(await connectionRefused(port: port))
    }

    @Test("run on a server that was shut down returns without serving")
    func runAfterShutdown() async throws {
        await server.shutdown()

        try await server.run()

        let error = await #expect(throws: MetricsServerError.self) { try await server.start() }
        #expect(error?.code == .alreadyShutDown)
    }
}

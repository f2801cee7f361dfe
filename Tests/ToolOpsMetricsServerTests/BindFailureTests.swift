import Testing
import ToolOpsMetricsServer
import ToolOpsTelemetry

@Suite("Bind failures", .timeLimit(.minutes(1)))
struct BindFailureTests {
    let prometheus = ToolOpsPrometheus()

    @Test("a second server on a taken port fails with bindFailed naming host:port and the reason")
    func portInUse() async throws {
        try await withStarted(ephemeralServer(prometheus)) { port in
            let second = MetricsServer(configuration: .init(port: port), prometheus: prometheus)

            let error = await #expect(throws: MetricsServerError.self) { try await second.start() }

            #expect(error?.code == .bindFailed)
            let message = error?.description ?? ""
            #expect(message.contains("cannot listen on 127.0.0.1:\(port): address already in use"), "\(message)")
            #expect(message.contains("choose another port"), "\(message)")
        }
    }

    @Test("a failed start can be retried once the port is free")
    func retryAfterBindFailure() async throws {
        let first = ephemeralServer(prometheus)
        let port = try await first.start()
        let second = MetricsServer(configuration: .init(port: port), prometheus: prometheus)
        await #expect(throws: MetricsServerError.self) { try await second.start() }

        await first.shutdown()

        #expect(try await second.start() == port)
        #expect(try await healthStatus(port: port) == 200)
        await second.shutdown()
    }

    @Test("a host that is not an address of this machine fails with bindFailed and advice")
    func foreignAddress() async throws {
        // 192.0.2.1 is TEST-NET-1 (RFC 5737): never assigned to a real interface.
        let server = MetricsServer(configuration: .init(host: "192.0.2.1", port: 0), prometheus: prometheus)

        let error = await #expect(throws: MetricsServerError.self) { try await server.start() }

        #expect(error?.code == .bindFailed)
        let message = error?.description ?? ""
        #expect(message.contains("cannot listen on 192.0.2.1:0: "), "\(message)")
        #expect(message.contains("not an address of this machine"), "\(message)")
    }
}

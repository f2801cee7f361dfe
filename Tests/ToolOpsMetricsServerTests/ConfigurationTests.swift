import Testing
import ToolOpsMetricsServer
import ToolOpsTelemetry

@Suite("Configuration")
struct ConfigurationTests {
    @Test("the defaults serve 127.0.0.1:9464/metrics")
    func defaults() {
        let configuration = MetricsServer.Configuration()

        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 9464)
        #expect(configuration.path == "/metrics")
        #expect(configuration.idleTimeout == .seconds(120))
        #expect(throws: Never.self) { try configuration.validate() }
    }

    @Test(
        "an invalid field is reported as invalidConfiguration naming the field",
        arguments: [
            (MetricsServer.Configuration(port: -1), "port -1 is out of range"),
            (MetricsServer.Configuration(port: 65_536), "port 65536 is out of range"),
            (MetricsServer.Configuration(host: ""), "host is empty"),
            (MetricsServer.Configuration(path: "metrics"), "path \"metrics\" must start with \"/\""),
            (MetricsServer.Configuration(path: ""), "path \"\" must start with \"/\""),
            (MetricsServer.Configuration(path: "/metrics?x=1"), "path \"/metrics?x=1\" must not contain"),
            (MetricsServer.Configuration(path: "/my metrics"), "path \"/my metrics\" must not contain"),
            (MetricsServer.Configuration(path: "/healthz"), "path \"/healthz\" is reserved for the health check"),
            (MetricsServer.Configuration(idleTimeout: .zero), "idleTimeout 0.0 seconds must be greater than zero"),
        ])
    func invalidField(_ configuration: MetricsServer.Configuration, _ expected: String) async throws {
        let validated = #expect(throws: MetricsServerError.self) { try configuration.validate() }
        let server = MetricsServer(configuration: configuration, prometheus: ToolOpsPrometheus())
        let started = await #expect(throws: MetricsServerError.self) { try await server.start() }

        #expect(validated?.code == .invalidConfiguration)
        #expect(
            validated?.description.hasPrefix("metrics server invalid configuration: \(expected)") == true,
            "\(validated!)")
        #expect(started == validated)
    }

    @Test("the edge ports 0 and 65535 are valid", arguments: [0, 65_535])
    func edgePorts(_ port: Int) {
        #expect(throws: Never.self) { try MetricsServer.Configuration(port: port).validate() }
    }
}

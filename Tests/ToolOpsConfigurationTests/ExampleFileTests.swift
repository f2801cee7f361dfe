import Logging
import Testing
import ToolOpsConfiguration

@Suite("The example file")
struct ExampleFileTests {
    @Test("the example file loads as written, with the values its comments describe")
    func exampleLoads() throws {
        let scratch = try Scratch()
        let file = try scratch.write(ToolOpsConfiguration.exampleFile)
        let configuration = try ToolOpsConfiguration.load(path: file, environment: scratch.environment())

        #expect(configuration.source == file)
        #expect(configuration.defaultStore == "memory")
        #expect(configuration.defaults == .init(ttl: .seconds(300), namespace: "default", staleTTL: .seconds(86_400)))
        #expect(configuration.stores.map(\.name) == ["memory", "file", "postgres"])
        #expect(configuration.stores[0].kind == .memory(maxEntries: 10_000, maxBytes: 64 << 20))
        // No directory in the example: the default folder, under HOME.
        #expect(
            configuration.stores[1].kind
                == .file(directory: scratch.path + "/home/.cache/toolops", namespace: "default", maxBytes: 256 << 20))
        #expect(
            configuration.stores[2].kind
                == .postgres(url: "postgresql://toolops@localhost:5432/toolops", namespace: "default"))
        #expect(
            configuration.telemetry
                == .init(
                    logLevel: .warning, logFile: nil, metricsPrefix: "toolops", tracing: true,
                    statisticsWindow: .seconds(300), costPerCall: ["search_docs": 0.002]))
    }

    @Test("the example file loads with no environment at all")
    func exampleLoadsWithoutEnvironment() throws {
        let configuration = try ToolOpsConfiguration(yaml: ToolOpsConfiguration.exampleFile, environment: [:])
        #expect(configuration.stores.count == 3)
    }

    @Test("the example's Postgres URL comes from TOOLOPS_POSTGRES_URL when it is set")
    func exampleUsesPostgresVariable() throws {
        let url = "postgresql://app@db.internal:5433/cache"
        let configuration = try ToolOpsConfiguration(
            yaml: ToolOpsConfiguration.exampleFile, environment: ["TOOLOPS_POSTGRES_URL": url])
        #expect(configuration.store(named: "postgres")?.kind == .postgres(url: url))
        #expect(configuration.stores.count == 3)
    }

    @Test("the rendered configuration reads back into an equal configuration")
    func renderingRoundTrips() throws {
        let scratch = try Scratch()
        let original = try scratch.load(ToolOpsConfiguration.exampleFile)
        // Values that need care when written back: `: ` and `${` in a path, a null look-alike.
        var edited = original
        edited.stores.append(
            StoreConfiguration(
                name: "odd", kind: .file(directory: scratch.path + "/a ${b}: c", namespace: "null", maxBytes: 1536)))
        edited.telemetry.logFile = scratch.path + "/toolops.log"
        edited.telemetry.costPerCall = ["a": 1, "b": 0.25]
        edited.defaults.ttl = .milliseconds(1500)

        for configuration in [original, edited] {
            let text = configuration.renderedYAML(masked: false)
            let reread = try ToolOpsConfiguration(yaml: text, source: configuration.source, environment: [:])
            #expect(reread == configuration, "\(text)")
        }
    }

    @Test("the rendering writes durations and sizes in the largest exact unit")
    func renderingUnits() throws {
        let configuration = ToolOpsConfiguration(
            stores: [StoreConfiguration(name: "memory", kind: .memory(maxEntries: 5, maxBytes: 3 << 30))],
            defaults: .init(ttl: .seconds(5400), staleTTL: .milliseconds(250)))
        let text = configuration.renderedYAML()
        #expect(text.contains("ttl: 90m\n"))
        #expect(text.contains("stale_ttl: 250ms\n"))
        #expect(text.contains("max_bytes: 3GiB\n"))
        #expect(text.contains("log_level: warning\n"))
        #expect(text.contains("log_file: stderr\n"))
    }
}

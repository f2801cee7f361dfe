import Logging
import Testing
import ToolOpsConfiguration

@Suite("Environment variables")
struct EnvironmentTests {
    static let file = """
        default_store: local
        defaults: {namespace: billing}
        stores:
          local: {type: file, directory: /srv/cache}
          memory: {type: memory}
          scoped: {type: file, directory: /srv/other, namespace: own}
        telemetry: {log_level: error, metrics_prefix: app}
        """

    @Test("TOOLOPS_* variables override the file, and the validation lists the ones applied")
    func overrides() throws {
        let scratch = try Scratch()
        let environment = scratch.environment([
            "TOOLOPS_DEFAULT_STORE": "memory", "TOOLOPS_NAMESPACE": "agents", "TOOLOPS_CACHE_DIR": "/var/cache/t",
            "TOOLOPS_LOG_LEVEL": "debug", "TOOLOPS_LOG_FILE": "stderr", "TOOLOPS_METRICS_PREFIX": "agents",
            "TOOLOPS_TRACING": "false", "TOOLOPS_POSTGRES_URL": "",
        ])
        let file = try scratch.write(Self.file)
        let validation = ToolOpsConfiguration.validate(path: file, environment: environment)
        let configuration = try validation.get()

        #expect(configuration.defaultStore == "memory")
        #expect(configuration.defaults.namespace == "agents")
        // Every file store moves to TOOLOPS_CACHE_DIR; one with its own namespace keeps it.
        #expect(
            configuration.stores.map(\.kind) == [
                .file(directory: "/var/cache/t", namespace: "agents"), .memory(),
                .file(directory: "/var/cache/t", namespace: "own"),
            ])
        #expect(configuration.telemetry.logLevel == .debug)
        #expect(configuration.telemetry.metricsPrefix == "agents")
        #expect(configuration.telemetry.tracing == false)
        // The empty TOOLOPS_POSTGRES_URL counts as unset: no store added.
        #expect(
            validation.environmentOverrides == [
                "TOOLOPS_NAMESPACE", "TOOLOPS_CACHE_DIR", "TOOLOPS_DEFAULT_STORE", "TOOLOPS_LOG_LEVEL",
                "TOOLOPS_LOG_FILE", "TOOLOPS_METRICS_PREFIX", "TOOLOPS_TRACING",
            ])
    }

    @Test("TOOLOPS_POSTGRES_URL adds a store named postgres, or sets the URL of the one in the file")
    func postgresURL() throws {
        let scratch = try Scratch()
        let url = "postgresql://app@db:5432/app"
        let added = try scratch.load("stores: {memory: {type: memory}}\n", environment: ["TOOLOPS_POSTGRES_URL": url])
        #expect(added.stores.map(\.name) == ["memory", "postgres"])
        #expect(added.store(named: "postgres")?.kind == .postgres(url: url))

        let set = try scratch.load(
            "defaults: {namespace: billing}\nstores:\n  postgres: {type: postgres, schema: s}\n",
            environment: ["TOOLOPS_POSTGRES_URL": url])
        #expect(
            set.stores == [
                StoreConfiguration(name: "postgres", kind: .postgres(url: url, namespace: "billing", schema: "s"))
            ])

        // With no file: the built-in stores plus postgres.
        let empty = try Scratch()
        let builtIn = try ToolOpsConfiguration.load(
            environment: ["TOOLOPS_POSTGRES_URL": url], workingDirectory: empty.path)
        #expect(builtIn.stores.map(\.name) == ["memory", "file", "postgres"])
    }

    @Test("a wrong value in a variable is reported under the variable's name, after the file's mistakes")
    func wrongVariables() throws {
        let scratch = try Scratch()
        let problems = try scratch.problems(
            "stores:\n  postgres: {type: memory}\ndefaults: {ttl: never}\n",
            environment: [
                "TOOLOPS_LOG_LEVEL": "loud", "TOOLOPS_TRACING": "sometimes", "TOOLOPS_DEFAULT_STORE": "shared",
                "TOOLOPS_POSTGRES_URL": "postgresql://u:pw@db/app", "TOOLOPS_NAMESPACE": "../etc",
            ])
        #expect(
            problems == [
                "toolops.yaml:3: defaults.ttl: expected a duration like 250ms, 30s, 5m, 2h or 1h30m, got 'never'",
                "TOOLOPS_POSTGRES_URL: sets the URL of the store named 'postgres', but that store is a memory store "
                    + "(toolops.yaml:2); rename that store, or unset TOOLOPS_POSTGRES_URL",
                "TOOLOPS_LOG_LEVEL: unknown log level 'loud'; use one of trace, debug, info, notice, warning, error, critical",
                "TOOLOPS_TRACING: expected true or false, got 'sometimes'",
                "TOOLOPS_NAMESPACE: '../etc' is not a valid namespace; use 1-255 letters, digits, '.', '_' or '-' "
                    + "(not '.' or '..')",
                "TOOLOPS_DEFAULT_STORE: 'shared' is not a configured store (stores: postgres)",
            ])
    }

    @Test("${VAR} is replaced by the variable, ${VAR:-fallback} falls back when it is unset or empty, $${ is literal")
    func interpolation() throws {
        let scratch = try Scratch()
        let yaml = """
            defaults: {ttl: "${TTL}", namespace: "${NS:-fallback}"}
            stores:
              local: {type: file, directory: "${BASE}/cache", namespace: "x${EMPTY:-y}z"}
            telemetry: {metrics_prefix: "${PREFIX:-toolops}", cost_per_call: {"$${raw}": "${COST:-0.5}"}}
            """
        let configuration = try scratch.load(
            yaml, environment: ["TTL": "90s", "BASE": "/data", "EMPTY": "", "PREFIX": "app"])
        #expect(configuration.defaults.ttl == .seconds(90))
        #expect(configuration.defaults.namespace == "fallback")
        #expect(
            configuration.stores == [
                StoreConfiguration(name: "local", kind: .file(directory: "/data/cache", namespace: "xyz"))
            ])
        #expect(configuration.telemetry.metricsPrefix == "app")
        // Keys are not expanded; values are.
        #expect(configuration.telemetry.costPerCall == ["$${raw}": 0.5])
        let literal = try scratch.load("stores: {f: {type: file, directory: \"/a$${B}\"}}\n", environment: [:])
        #expect(literal.stores.first?.kind == .file(directory: "/a${B}"))
    }

    @Test("an unset ${VAR} is an error naming the key and the variable")
    func unsetVariable() throws {
        let scratch = try Scratch()
        #expect(
            try scratch.problems(
                "stores:\n  shared:\n    type: postgres\n    url: \"${TOOLOPS_POSTGRES_URL}\"\n  m:\n    type: memory\n    max_bytes: ${SIZE\n",
                environment: [:]) == [
                    "toolops.yaml:4: stores.shared.url: environment variable TOOLOPS_POSTGRES_URL is not set (the value "
                        + "reads ${TOOLOPS_POSTGRES_URL}); set it, or give a fallback: ${TOOLOPS_POSTGRES_URL:-fallback}",
                    "toolops.yaml:7: stores.m.max_bytes: '${SIZE' is not a variable reference; write ${NAME} or "
                        + "${NAME:-fallback} ($${ for a literal ${)",
                ])
    }
}

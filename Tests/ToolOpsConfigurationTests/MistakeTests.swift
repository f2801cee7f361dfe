import Foundation
import Testing
import ToolOpsConfiguration

@Suite("Mistakes in the file")
struct MistakeTests {
    @Test("every mistake in a file is reported, in file order, with its line, key and what is wrong")
    func everyMistakeLocated() throws {
        let scratch = try Scratch()
        let problems = try scratch.problems(
            """
            default_store: shard
            defaults:
              ttl: soon
              stale_ttl: -5m
              namespace: a/b
            stores:
              mem:
                type: memory
                max_entries: -5
                max_bytes: lots
              local:
                type: file
                directory: cache
                maxEntries: 10
                url: postgresql://x
              cache:
                type: redis
              shared:
                type: postgres
                url: 42x
                table: ""
            telemetry:
              log_level: verbose
              tracing: maybe
              metrics_prefix: 9lives
              cost_per_call: {search: cheap}
              colour: blue
            """)
        #expect(
            problems == [
                "toolops.yaml:1: default_store: 'shard' is not a configured store; did you mean 'shared'? "
                    + "(stores: mem, local, shared)",
                "toolops.yaml:3: defaults.ttl: expected a duration like 250ms, 30s, 5m, 2h or 1h30m, got 'soon'",
                "toolops.yaml:4: defaults.stale_ttl: must not be negative, got -5m",
                "toolops.yaml:5: defaults.namespace: 'a/b' is not a valid namespace; "
                    + "use 1-255 letters, digits, '.', '_' or '-' (not '.' or '..')",
                "toolops.yaml:9: stores.mem.max_entries: must be at least 1, got -5",
                "toolops.yaml:10: stores.mem.max_bytes: expected a size like 64MiB, 1GB or 4096 (bytes), got 'lots'",
                "toolops.yaml:14: stores.local.maxEntries: unknown key 'maxEntries'; did you mean 'max_entries'?",
                "toolops.yaml:15: stores.local.url: 'url' does not apply to a file store "
                    + "(its keys: type, directory, namespace, max_entries, max_bytes)",
                "toolops.yaml:17: stores.cache.type: unknown store type 'redis'; use memory, file or postgres",
                "toolops.yaml:20: stores.shared.url: invalid connection string: missing \"=\" after \"42x\" in connection "
                    + "info string; expected a postgresql:// URI or key=value pairs "
                    + "(https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING)",
                "toolops.yaml:21: stores.shared.table: '' is not a valid table name; use 1 to 63 bytes without NUL characters",
                "toolops.yaml:23: telemetry.log_level: unknown log level 'verbose'; "
                    + "use one of trace, debug, info, notice, warning, error, critical",
                "toolops.yaml:24: telemetry.tracing: expected true or false, got 'maybe'",
                "toolops.yaml:25: telemetry.metrics_prefix: '9lives' is not a valid metric name prefix; "
                    + "use letters, digits, '_' and ':', not starting with a digit",
                "toolops.yaml:26: telemetry.cost_per_call.search: expected a number like 0.002, got 'cheap'",
                "toolops.yaml:27: telemetry.colour: unknown key 'colour' (valid keys: log_level, log_file, "
                    + "metrics_prefix, tracing, statistics_window, cost_per_call)",
            ])
    }

    @Test("load throws the first mistake, with its file, line and key as fields")
    func loadThrowsFirst() throws {
        let scratch = try Scratch()
        let file = try scratch.write(
            "defaults:\n  ttl: 5m\n  namespace: ok\nstores:\n  m: {type: memory, max_bytes: 0}\n")
        let error = #expect(throws: ConfigurationError.self) {
            try ToolOpsConfiguration.load(path: file, environment: scratch.environment())
        }
        #expect(error?.file == file)
        #expect(error?.line == 5)
        #expect(error?.key == "stores.m.max_bytes")
        #expect(error?.message == "must be at least 1 byte, got 0")
    }

    @Test("a YAML syntax error gives the line and column libyaml reports")
    func syntaxError() throws {
        let scratch = try Scratch()
        let problems = try scratch.problems("stores:\n  memory:\n    type: memory\n   max_bytes: 1\n")
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("toolops.yaml:4:4: invalid YAML: ") == true, "\(problems)")
        let unclosed = try scratch.problems("stores: {memory: {type: memory}\n")
        #expect(unclosed.first?.hasPrefix("toolops.yaml:2:1: invalid YAML: ") == true, "\(unclosed)")
    }

    @Test("a YAML error caused by a tab or by ${…} inside {…} says how to fix it")
    func syntaxHints() throws {
        let scratch = try Scratch()
        #expect(
            try scratch.problems("stores:\n  m:\n\ttype: memory\n") == [
                "toolops.yaml:3:1: invalid YAML: found character that cannot start any token; indent with spaces, not tabs"
            ])
        #expect(
            try scratch.problems("stores:\n  shared: {type: postgres, url: ${TOOLOPS_POSTGRES_URL}, schema: s}\n") == [
                "toolops.yaml:2:34: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at "
                    + "line 2); inside {…}, quote a value containing ${…}: url: \"${TOOLOPS_POSTGRES_URL}\""
            ])
    }

    @Test("a key written twice is reported at its line")
    func duplicateKey() throws {
        let scratch = try Scratch()
        let problems = try scratch.problems("defaults:\n  ttl: 5m\n  ttl: 10m\n")
        #expect(problems == ["toolops.yaml:2: 'ttl' written more than once in the same mapping; keep one"])
    }

    @Test("values of the wrong shape say what was expected and what was found")
    func wrongShapes() throws {
        let scratch = try Scratch()
        let problems = try scratch.problems(
            """
            default_store: [memory]
            defaults:
              ttl:
            stores:
              memory: memory
              m2:
                max_entries: 3
            telemetry: yes
            """)
        #expect(
            problems == [
                "toolops.yaml:1: default_store: expected a store name, got a list",
                "toolops.yaml:3: defaults.ttl: expected a duration like 250ms, 30s, 5m, 2h or 1h30m, got nothing; "
                    + "write a value or remove the key",
                "toolops.yaml:5: stores.memory: expected a mapping of keys, got a value",
                "toolops.yaml:6: stores.m2: missing 'type'; use memory, file or postgres",
                "toolops.yaml:8: telemetry: expected a mapping of keys, got a value",
            ])
        #expect(
            try scratch.problems("- stores\n") == [
                "toolops.yaml:1: the file must be a mapping with keys such as stores and telemetry, not a list"
            ])
    }

    @Test("stores that cannot work are reported: no stores, a missing URL, a bad name, a shared folder")
    func storeMistakes() throws {
        let scratch = try Scratch()
        #expect(
            try scratch.problems("stores: {}\n") == [
                "toolops.yaml:1: stores: no stores; define at least one, or remove 'stores' to use the built-in "
                    + "memory and file stores"
            ])
        #expect(
            try scratch.problems(
                """
                stores:
                  shared: {type: postgres}
                  my cache: {type: memory}
                  a: {type: file, directory: /tmp/x}
                  b: {type: file, directory: /tmp/x/}
                  c: {type: file, directory: /tmp/x, namespace: other}
                """) == [
                    "toolops.yaml:2: stores.shared: missing 'url', the connection string (postgresql://user@host:5432/db); "
                        + "set it",
                    "toolops.yaml:3: stores.my cache: 'my cache' is not a valid store name; "
                        + "use 1-64 letters, digits, '.', '_' or '-'",
                    "toolops.yaml:5: stores.b: uses the same folder as stores.a (/tmp/x/default); "
                        + "give one of them another namespace or directory",
                ])
    }

    @Test(
        "sizes, whole numbers and durations are read in every documented form, and zero is refused where it means nothing"
    )
    func valueForms() throws {
        let scratch = try Scratch()
        let configuration = try scratch.load(
            """
            defaults: {ttl: 1h30m, stale_ttl: 0}
            stores:
              a: {type: memory, max_entries: 10_000, max_bytes: 1.5GiB}
              b: {type: memory, max_entries: 1, max_bytes: 2MB}
              c: {type: memory, max_bytes: 4096}
              d: {type: memory, max_bytes: 512 kib}
            telemetry: {statistics_window: 250ms, tracing: off}
            """)
        #expect(configuration.defaults.ttl == .seconds(5400))
        #expect(configuration.defaults.staleTTL == .zero)
        #expect(
            configuration.stores.map(\.kind) == [
                .memory(maxEntries: 10_000, maxBytes: 3 << 29), .memory(maxEntries: 1, maxBytes: 2_000_000),
                .memory(maxBytes: 4096), .memory(maxBytes: 512 << 10),
            ])
        #expect(configuration.telemetry.statisticsWindow == .milliseconds(250))
        #expect(configuration.telemetry.tracing == false)

        #expect(
            try scratch.problems("defaults: {ttl: 0s}\ntelemetry: {statistics_window: 30}\n") == [
                "toolops.yaml:1: defaults.ttl: must be longer than zero, got 0s",
                "toolops.yaml:2: telemetry.statistics_window: expected a duration like 250ms, 30s, 5m, 2h or 1h30m, "
                    + "got '30'",
            ])
    }

    @Test("a log file in a folder that does not exist is reported at telemetry.log_file")
    func logFileFolderMissing() throws {
        let scratch = try Scratch()
        let file = try scratch.write("telemetry:\n  log_file: logs/toolops.jsonl\n")
        let validation = ToolOpsConfiguration.validate(path: file, environment: scratch.environment())
        #expect(
            validation.problems.map(\.description) == [
                "\(file):2: telemetry.log_file: the folder '\(scratch.path)/logs' does not exist; create it, "
                    + "or choose another path"
            ])
    }

    @Test("a file that is not UTF-8 text is one error naming the file")
    func notText() throws {
        let scratch = try Scratch()
        let file = scratch.path + "/toolops.yaml"
        try Data([0x73, 0x74, 0xFF, 0xFE, 0x0A]).write(to: URL(filePath: file))
        let validation = ToolOpsConfiguration.validate(path: file, environment: scratch.environment())
        #expect(validation.problems.map(\.description) == ["\(file): the file is not UTF-8 text"])
    }
}

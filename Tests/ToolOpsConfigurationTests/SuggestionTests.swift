import Testing
import ToolOpsConfiguration

@Suite("Did you mean")
struct SuggestionTests {
    @Test(
        "a misspelt key gets the nearest valid key as a suggestion",
        arguments: [
            ("stores:\n  shared:\n    type: postgres\n    urll: postgresql://db/app\n", "stores.shared.urll", "url"),
            ("defaults:\n  nmaespace: x\n", "defaults.nmaespace", "namespace"),
            ("stores:\n  m:\n    type: memory\n    max_entires: 3\n", "stores.m.max_entires", "max_entries"),
            ("telemetry:\n  log-level: info\n", "telemetry.log-level", "log_level"),
            ("default_stor: memory\n", "default_stor", "default_store"),
        ])
    func misspeltKey(yaml: String, key: String, suggestion: String) throws {
        let scratch = try Scratch()
        let problems = try scratch.problems(yaml)
        #expect(
            problems.contains {
                $0.contains(": \(key): unknown key ") && $0.hasSuffix("; did you mean '\(suggestion)'?")
            },
            "\(problems)")
    }

    @Test("a key far from every valid key lists the valid keys instead")
    func noSuggestion() throws {
        let scratch = try Scratch()
        #expect(
            try scratch.problems("defaults:\n  colour: red\n") == [
                "toolops.yaml:2: defaults.colour: unknown key 'colour' (valid keys: ttl, stale_ttl, namespace)"
            ])
    }

    @Test("a misspelt store type, log level or default store gets a suggestion")
    func misspeltValues() throws {
        let scratch = try Scratch()
        #expect(
            try scratch.problems(
                "default_store: memroy\nstores:\n  memory: {type: memroy}\n  disk: {type: file}\ntelemetry: {log_level: warn}\n"
            ) == [
                "toolops.yaml:1: default_store: 'memroy' is not a configured store (stores: disk)",
                "toolops.yaml:3: stores.memory.type: unknown store type 'memroy' (did you mean 'memory'?); "
                    + "use memory, file or postgres",
                "toolops.yaml:5: telemetry.log_level: unknown log level 'warn' (did you mean 'warning'?); "
                    + "use one of trace, debug, info, notice, warning, error, critical",
            ])
        #expect(
            try scratch.problems("default_store: dsik\nstores:\n  memory: {type: memory}\n  disk: {type: file}\n") == [
                "toolops.yaml:1: default_store: 'dsik' is not a configured store; did you mean 'disk'? (stores: memory, disk)"
            ])
    }

    @Test("a misspelt required key is one problem, the misspelling: not also missing, nor 'no stores'")
    func misspeltRequiredKey() throws {
        let scratch = try Scratch()
        #expect(
            try scratch.problems("stores:\n  shared:\n    type: postgres\n    urll: postgresql://db/app\n") == [
                "toolops.yaml:4: stores.shared.urll: unknown key 'urll'; did you mean 'url'?"
            ])
        #expect(
            try scratch.problems(
                "default_store: shared\nstores:\n  shared:\n    tpye: postgres\n    url: postgresql://db/app\n") == [
                    "toolops.yaml:4: stores.shared.tpye: unknown key 'tpye'; did you mean 'type'?"
                ])
        // Really missing: said once, and the store left out is not "no stores" or an unknown default.
        #expect(
            try scratch.problems("default_store: shared\nstores:\n  shared: {type: postgres}\n") == [
                "toolops.yaml:3: stores.shared: missing 'url', the connection string "
                    + "(postgresql://user@host:5432/db); set it"
            ])
    }
}

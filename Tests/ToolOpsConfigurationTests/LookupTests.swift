import Testing
import ToolOpsConfiguration

@Suite("Finding the file")
struct LookupTests {
    @Test("TOOLOPS_CONFIG wins over ./toolops.yaml, which wins over the user's configuration folder")
    func order() throws {
        let scratch = try Scratch()
        let work = scratch.path + "/work"
        let named = try scratch.write("defaults: {namespace: named}\n", to: "elsewhere/named.yaml")
        try scratch.write("defaults: {namespace: local}\n", to: "work/toolops.yaml")
        let xdg = try scratch.write("defaults: {namespace: xdg}\n", to: "xdg/toolops/toolops.yaml")
        let home = try scratch.write("defaults: {namespace: home}\n", to: "home/.config/toolops/toolops.yaml")

        func namespace(_ environment: [String: String], in folder: String = work) throws -> (String, String?) {
            let configuration = try ToolOpsConfiguration.load(environment: environment, workingDirectory: folder)
            return (configuration.defaults.namespace, configuration.source)
        }
        let base = scratch.environment(["XDG_CONFIG_HOME": scratch.path + "/xdg"])
        #expect(try namespace(base.merging(["TOOLOPS_CONFIG": named]) { $1 }) == ("named", named))
        #expect(try namespace(base) == ("local", work + "/toolops.yaml"))
        #expect(try namespace(base, in: scratch.path) == ("xdg", xdg))
        #expect(try namespace(scratch.environment(), in: scratch.path) == ("home", home))
        // An explicit path wins over everything.
        let explicit = try ToolOpsConfiguration.load(
            path: "../elsewhere/named.yaml", environment: base, workingDirectory: work)
        #expect(explicit.defaults.namespace == "named")
        #expect(explicit.source == "../elsewhere/named.yaml")
    }

    @Test("with no file anywhere, the built-in defaults: memory (the default) and file, no source")
    func builtInDefaults() throws {
        let scratch = try Scratch()
        let configuration = try ToolOpsConfiguration.load(
            environment: scratch.environment(), workingDirectory: scratch.path)
        #expect(configuration.source == nil)
        #expect(configuration.defaultStore == "memory")
        #expect(
            configuration.stores == [
                StoreConfiguration(name: "memory", kind: .memory()),
                StoreConfiguration(name: "file", kind: .file(directory: scratch.path + "/home/.cache/toolops")),
            ])
        #expect(
            ToolOpsConfiguration.searchPaths(environment: scratch.environment(), workingDirectory: scratch.path) == [
                scratch.path + "/toolops.yaml", scratch.path + "/home/.config/toolops/toolops.yaml",
            ])
    }

    @Test("a path given, or named by TOOLOPS_CONFIG, that does not exist is an error naming it")
    func missingFile() throws {
        let scratch = try Scratch()
        let given = #expect(throws: ConfigurationError.self) {
            try ToolOpsConfiguration.load(path: "missing.yaml", environment: [:], workingDirectory: scratch.path)
        }
        #expect(
            given?.description == "missing.yaml: no such file; check the path, or create one with `toolops config init`"
        )
        let named = ToolOpsConfiguration.validate(
            environment: ["TOOLOPS_CONFIG": "/nowhere/toolops.yaml"], workingDirectory: scratch.path)
        #expect(named.source == "/nowhere/toolops.yaml")
        #expect(
            named.problems.map(\.description) == [
                "/nowhere/toolops.yaml: no such file (named by TOOLOPS_CONFIG); check the path, or create one with "
                    + "`toolops config init`"
            ])
        let folder = #expect(throws: ConfigurationError.self) {
            try ToolOpsConfiguration.load(path: scratch.path, environment: [:])
        }
        #expect(folder?.message == "is a folder; give the path of the configuration file")
    }

    @Test("an empty file is the built-in defaults, with the file as source")
    func emptyFile() throws {
        let scratch = try Scratch()
        let configuration = try scratch.load("# nothing yet\n")
        #expect(configuration.stores.map(\.name) == ["memory", "file"])
        #expect(configuration.source == scratch.path + "/toolops.yaml")
    }

    @Test("relative paths in the file are relative to the file's folder; ~ is HOME")
    func relativePaths() throws {
        let scratch = try Scratch()
        let file = try scratch.write(
            "stores:\n  a: {type: file, directory: cache}\n  b: {type: file, directory: ~/c, namespace: b}\n"
                + "  c: {type: file, directory: ../up/./x, namespace: c}\n",
            to: "conf/toolops.yaml")
        let configuration = try ToolOpsConfiguration.load(path: file, environment: scratch.environment())
        #expect(
            configuration.stores.map(\.kind) == [
                .file(directory: scratch.path + "/conf/cache"),
                .file(directory: scratch.path + "/home/c", namespace: "b"),
                .file(directory: scratch.path + "/up/x", namespace: "c"),
            ])
        #expect(
            try scratch.problems("stores: {a: {type: file, directory: ~bob/x}}\n") == [
                "toolops.yaml:1: stores.a.directory: '~bob/x': only '~' and '~/…' (your home) are expanded; "
                    + "write an absolute path"
            ])
    }
}

import Foundation
import Testing
import ToolOpsCache
import ToolOpsCore
import ToolOpsTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("FileCache configuration")
struct FileCacheConfigurationTests {
    func expectMisconfigured(_ configuration: FileCache.Configuration, mentioning text: String) {
        let error = #expect(throws: ToolError.self) { try FileCache(configuration: configuration) }
        #expect(error?.code == .misconfigured)
        #expect(error?.message.contains(text) == true, "\(String(describing: error))")
    }

    @Test("a namespace path that is a regular file is a misconfiguration at init")
    func namespaceIsFile() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appending(path: "default")
            try Disk.overwrite(file, with: Array("not a folder".utf8))
            expectMisconfigured(.init(directory: directory), mentioning: "is not a directory")
            #expect(try Disk.bytes(of: file) == Array("not a folder".utf8))
        }
    }

    @Test("a directory that is a regular file is a misconfiguration at init")
    func directoryIsFile() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appending(path: "plain-file")
            try Disk.overwrite(file, with: [1])
            expectMisconfigured(.init(directory: file), mentioning: "cannot create")
        }
    }

    @Test("a namespace path that is a symbolic link is a misconfiguration at init")
    func namespaceIsSymbolicLink() async throws {
        try await withTemporaryDirectory { directory in
            let real = directory.appending(path: "real")
            try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                at: directory.appending(path: "default"), withDestinationURL: real)
            expectMisconfigured(.init(directory: directory), mentioning: "symbolic link")
        }
    }

    @Test("a namespace that is not a plain folder name is a misconfiguration", arguments: ["", "..", "a/b", "x y"])
    func invalidNamespace(namespace: String) async throws {
        try await withTemporaryDirectory { directory in
            expectMisconfigured(.init(directory: directory, namespace: namespace), mentioning: "namespace")
        }
    }

    @Test("a folder the user cannot write is a misconfiguration at init", .enabled(if: geteuid() != 0))
    func unwritable() async throws {
        try await withTemporaryDirectory { directory in
            let folder = directory.appending(path: "default")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            chmod(folder.path(percentEncoded: false), 0o500)
            defer { chmod(folder.path(percentEncoded: false), 0o700) }
            expectMisconfigured(.init(directory: directory), mentioning: "not readable and writable")
        }
    }

    @Test(
        "the default folder follows TOOLOPS_CACHE_DIR, then XDG_CACHE_HOME, then HOME",
        arguments: [
            (["TOOLOPS_CACHE_DIR": "/srv/cache", "XDG_CACHE_HOME": "/xdg", "HOME": "/home/ada"], "/srv/cache"),
            (["TOOLOPS_CACHE_DIR": "", "XDG_CACHE_HOME": "/xdg", "HOME": "/home/ada"], "/xdg/toolops"),
            (["XDG_CACHE_HOME": "relative", "HOME": "/home/ada"], "/home/ada/.cache/toolops"),
            (["HOME": "/home/ada"], "/home/ada/.cache/toolops"),
        ]
    )
    func defaultDirectory(environment: [String: String], expected: String) {
        var path = FileCache.defaultDirectory(environment: environment).path(percentEncoded: false)
        if path.hasSuffix("/") { path.removeLast() }
        #expect(path == expected)
    }
}

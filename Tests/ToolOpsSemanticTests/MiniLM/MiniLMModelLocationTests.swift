import Foundation
import Testing
import ToolOpsSemantic

@Suite("MiniLMModelDirectory location")
struct MiniLMModelLocationTests {
    func location(_ explicit: String?, _ environment: [String: String]) -> String {
        MiniLMModelDirectory.location(explicit, environment: environment).path
    }

    @Test("an explicit path wins, then TOOLOPS_MINILM_PATH, then TOOLOPS_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache")
    func order() {
        var environment = [
            "HOME": "/home/ops", "XDG_CACHE_HOME": "/xdg", "TOOLOPS_CACHE_DIR": "/cache",
            "TOOLOPS_MINILM_PATH": "/pinned/minilm",
        ]
        #expect(location("/explicit", environment) == "/explicit")
        #expect(location(nil, environment) == "/pinned/minilm")
        environment["TOOLOPS_MINILM_PATH"] = nil
        #expect(location(nil, environment) == "/cache/models/all-MiniLM-L6-v2")
        environment["TOOLOPS_CACHE_DIR"] = nil
        #expect(location(nil, environment) == "/xdg/toolops/models/all-MiniLM-L6-v2")
        environment["XDG_CACHE_HOME"] = nil
        #expect(location(nil, environment) == "/home/ops/.cache/toolops/models/all-MiniLM-L6-v2")
    }

    @Test("an empty variable counts as unset, and ~ is the home directory")
    func emptyAndHome() {
        let environment = ["HOME": "/home/ops", "TOOLOPS_MINILM_PATH": "", "TOOLOPS_CACHE_DIR": "~/caches"]
        #expect(location(nil, environment) == "/home/ops/caches/models/all-MiniLM-L6-v2")
        #expect(location("~/models/minilm", environment) == "/home/ops/models/minilm")
    }

    @Test("resolve checks the directory it finds")
    func resolveChecks() throws {
        let url = try modelDirectory()
        let resolved = try MiniLMModelDirectory.resolve(environment: ["TOOLOPS_MINILM_PATH": url.path])
        #expect(resolved.url.path == url.path)
        let missing = miniLMError { _ = try MiniLMModelDirectory.resolve(environment: ["TOOLOPS_CACHE_DIR": url.path]) }
        #expect(missing?.path == url.path + "/models/all-MiniLM-L6-v2/config.json")
    }
}

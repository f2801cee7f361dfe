import Foundation
import Testing
import ToolOpsDemo

@Suite("Demo kept cache folder")
struct DemoCacheFolderTests {
    @Test("a kept cache folder survives the run and starts cold, so a rerun reports the same")
    func keptFolderStartsCold() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(
            path: "toolops-demo-test-\(UUID().uuidString)", directoryHint: .isDirectory)
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = DemoSettings(seed: 7, agents: 3, calls: 90, keptCacheDirectory: folder)

        let first = try await DemoRunner(settings: settings).run()
        let second = try await DemoRunner(settings: settings).run()

        let path = folder.path(percentEncoded: false)
        #expect(first.setup.fileCache == String(path.dropLast()))
        #expect(try !FileManager.default.contentsOfDirectory(atPath: path).isEmpty)
        #expect(second == first)
        let temporary = try await DemoRunner(settings: DemoSettings(seed: 7, agents: 3, calls: 90)).run()
        #expect(temporary.toolops == first.toolops)
        #expect(temporary.setup.fileCache == "temporary")
    }
}

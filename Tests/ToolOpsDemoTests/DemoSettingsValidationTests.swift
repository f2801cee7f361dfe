import Foundation
import Testing
import ToolOpsDemo

@Suite("Demo settings validation")
struct DemoSettingsValidationTests {
    /// Settings out of range, and the error each must give.
    struct Invalid: Sendable, CustomTestStringConvertible {
        let settings: DemoSettings
        let setting: DemoSettingsError.Setting
        let message: String

        var testDescription: String { message }
    }

    static let invalid: [Invalid] = [
        Invalid(
            settings: DemoSettings(agents: 0), setting: .agents, message: "agents must be between 1 and 1000, got 0."),
        Invalid(
            settings: DemoSettings(agents: 1001), setting: .agents,
            message: "agents must be between 1 and 1000, got 1001."
        ),
        Invalid(
            settings: DemoSettings(calls: 0), setting: .calls, message: "calls must be between 1 and 100000, got 0."),
        Invalid(
            settings: DemoSettings(outageStart: .seconds(-1)), setting: .outageStart,
            message: "outageStart must be between 0 and 86400 seconds, got -1.0."),
        Invalid(
            settings: DemoSettings(outageLength: .seconds(86_401)), setting: .outageLength,
            message: "outageLength must be between 0 and 86400 seconds, got 86401.0."),
        Invalid(
            settings: DemoSettings(failureRate: 0.95), setting: .failureRate,
            message: "failureRate must be between 0 and 0.9, got 0.95."),
        Invalid(
            settings: DemoSettings(failureRate: .nan), setting: .failureRate,
            message: "failureRate must be between 0 and 0.9, got nan."),
        Invalid(
            settings: DemoSettings(keptCacheDirectory: URL(string: "https://example.com/cache")),
            setting: .keptCacheDirectory,
            message: "keptCacheDirectory must be a folder on the local disk, got https://example.com/cache."),
    ]

    @Test("out-of-range settings are rejected, naming the setting, its value and what it accepts", arguments: invalid)
    func invalidSettingsAreRejected(_ invalid: Invalid) {
        let error = #expect(throws: DemoSettingsError.self) { try invalid.settings.validate() }

        #expect(error?.setting == invalid.setting)
        #expect(error?.description == invalid.message)
    }

    @Test("the defaults and the limits of every range are accepted")
    func limitsAreAccepted() throws {
        try DemoSettings().validate()
        try DemoSettings(agents: 1, calls: 1, outageStart: .zero, outageLength: .zero, failureRate: 0).validate()
        try DemoSettings(
            agents: 1000, calls: 100_000, outageStart: .seconds(86_400), outageLength: .seconds(86_400),
            failureRate: 0.9
        ).validate()
    }

    @Test("a kept cache folder that is a file is rejected")
    func cacheFolderThatIsAFileIsRejected() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "toolops-demo-test-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let path = file.path(percentEncoded: false)

        // With the trailing slash a folder URL has, as the CLI builds it, and without.
        for url in [
            URL(filePath: path, directoryHint: .isDirectory), URL(filePath: path, directoryHint: .notDirectory),
        ] {
            let error = #expect(throws: DemoSettingsError.self) { try DemoSettings(keptCacheDirectory: url).validate() }
            #expect(error?.setting == .keptCacheDirectory)
            #expect(error?.description == "keptCacheDirectory must be a folder, not a file, got \(path).")
        }
    }

    @Test("the runner rejects invalid settings before it simulates anything")
    func runnerValidatesFirst() async {
        let log = ProgressLog()
        let runner = DemoRunner(settings: DemoSettings(calls: 0)) { log.append($0) }

        await #expect(throws: DemoSettingsError.self) { try await runner.run() }
        #expect(log.values.isEmpty)
    }
}

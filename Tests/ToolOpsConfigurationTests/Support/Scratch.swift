import Foundation
import ToolOpsConfiguration

/// A fresh folder under the system's temporary folder for one test, removed when the test ends.
final class Scratch {
    /// The folder's absolute path.
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appending(
            path: "toolops-configuration-tests-\(UUID().uuidString)"
        ).path(percentEncoded: false)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `name` (relative to the folder, parent folders created) and returns its path.
    @discardableResult
    func write(_ text: String, to name: String = "toolops.yaml") throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// An environment with only `HOME` set (to a folder inside this one), plus `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        ["HOME": path + "/home"].merging(extra) { $1 }
    }

    /// The problems of `yaml` written to `toolops.yaml` here and validated by path, as one-line descriptions
    /// with the folder left out of the file name.
    func problems(_ yaml: String, environment: [String: String]? = nil) throws -> [String] {
        let file = try write(yaml)
        let validation = ToolOpsConfiguration.validate(path: file, environment: environment ?? self.environment())
        return validation.problems.map { $0.description.replacing(path + "/", with: "") }
    }

    /// `yaml` written to `toolops.yaml` here and loaded by path.
    func load(_ yaml: String, environment: [String: String]? = nil) throws -> ToolOpsConfiguration {
        let file = try write(yaml)
        return try ToolOpsConfiguration.load(path: file, environment: environment ?? self.environment())
    }
}

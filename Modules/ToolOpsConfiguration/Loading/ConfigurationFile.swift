import Foundation

/// Reads a configuration file's text, turning every way that can fail into a one-line error.
enum ConfigurationFile {
    /// Files larger than this are refused: a configuration is a few kilobytes.
    static let maxBytes = 1 << 20

    static func read(_ candidate: ConfigurationLocator.Candidate) -> Result<String, ConfigurationError> {
        func failure(_ message: String) -> Result<String, ConfigurationError> {
            .failure(ConfigurationError(file: candidate.name, message: message))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) else {
            return failure("no such file; check the path, or create one with `toolops config init`")
        }
        if isDirectory.boolValue { return failure("is a folder; give the path of the configuration file") }
        guard let data = FileManager.default.contents(atPath: candidate.path) else {
            return failure("cannot read the file; check its permissions")
        }
        guard data.count <= maxBytes else {
            return failure(
                "the file is \(data.count) bytes, more than a configuration file can be (1 MiB); is it the right file?")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return failure("the file is not UTF-8 text")
        }
        return .success(text)
    }
}

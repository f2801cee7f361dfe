import Foundation

/// The checks and reads every model file goes through, failing with a ``MiniLMError`` naming it.
enum ModelFile {
    /// Fails unless `url` is a readable, non-empty regular file.
    static func check(_ url: URL) throws(MiniLMError) {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let folder = url.deletingLastPathComponent().path
            let detail =
                FileManager.default.fileExists(atPath: folder)
                ? "not found" : "not found (the model directory '\(folder)' does not exist)"
            throw MiniLMError(.missingFile, path: path, detail)
        }
        guard !isDirectory.boolValue else {
            throw MiniLMError(.unreadableFile, path: path, "is a directory, not a file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw MiniLMError(.unreadableFile, path: path, "permission denied")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
        guard let size, size > 0 else { throw MiniLMError(.emptyFile, path: path, "the file is empty") }
    }

    /// Whether something that is not a directory exists at `url` (an optional file).
    static func existsAsFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The bytes of `url`.
    static func read(_ url: URL) throws(MiniLMError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw MiniLMError(.unreadableFile, path: url.path, "cannot be read (\(error.localizedDescription))")
        }
    }
}

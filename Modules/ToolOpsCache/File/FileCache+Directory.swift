import ToolOpsCore

extension FileCache {
    /// Makes sure `path` is a real, writable directory, creating it (and its parents) with mode
    /// 0700 when missing.
    ///
    /// A misconfigured store must fail here, when the tool is built, rather than silently cache
    /// nothing at run time.
    static func prepareDirectory(_ path: String) throws(ToolError) {
        switch FileSystem.kind(of: path) {
        case .directory:
            break
        case .symbolicLink:
            throw .misconfigured(
                "the file cache folder '\(path)' is a symbolic link; the store only uses a real directory. "
                    + "Remove the link, or choose another directory or namespace",
                field: "directory"
            )
        case .regularFile, .other:
            throw .misconfigured(
                "the file cache folder '\(path)' exists but is not a directory. "
                    + "Remove it, or choose another directory or namespace",
                field: "directory"
            )
        case .missing:
            do {
                try FileSystem.makeDirectories(path)
            } catch {
                throw .misconfigured("cannot create the file cache folder '\(path)': \(error)", field: "directory")
            }
            guard FileSystem.kind(of: path) == .directory else {
                throw .misconfigured(
                    "the file cache folder '\(path)' could not be created as a directory", field: "directory")
            }
        }
        guard FileSystem.isWritableDirectory(path) else {
            throw .misconfigured(
                "the file cache folder '\(path)' is not readable and writable by this user; "
                    + "fix its permissions or choose another directory",
                field: "directory"
            )
        }
    }

    /// The path of the entry file with this stem.
    func entryPath(_ stem: String) -> String {
        path + "/" + FileCacheNames.entryName(stem: stem)
    }
}

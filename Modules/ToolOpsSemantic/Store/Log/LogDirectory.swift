#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The folder holding a log.
enum LogDirectory {
    /// Creates the folder of the log at `path` (and missing parents, mode 0700) and checks that
    /// this user may create files in it.
    static func prepare(containing path: String) throws(SemanticStoreError) {
        guard let slash = path.lastIndex(of: "/") else { return try check(".", log: path) }
        let directory = slash == path.startIndex ? "/" : String(path[..<slash])
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw LogHandle.failure("create directory '\(prefix)' for", path)
            }
        }
        try check(directory, log: path)
    }

    private static func check(_ directory: String, log path: String) throws(SemanticStoreError) {
        guard access(directory, W_OK | X_OK) == 0 else {
            throw SemanticStoreError(
                .notWritable, path: path,
                "directory '\(directory)' is not writable by this user (the log and its compacted copies are "
                    + "created there); fix its permissions or configure a file elsewhere")
        }
    }
}

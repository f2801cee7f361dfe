#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call: which one, on which path, and the `errno` it set.
struct SystemCallError: Error, CustomStringConvertible {
    let operation: String
    let path: String
    let code: Int32

    init(_ operation: String, _ path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    var description: String { "\(operation) '\(path)' failed: \(String(cString: strerror(code)))" }
}

/// The few POSIX calls the file store needs, where Foundation gives no control of permissions,
/// exclusive creation or symbolic links.
///
/// Every open uses `O_NOFOLLOW` and `O_CLOEXEC`: the store never follows a symbolic link planted
/// under one of its names, and never leaks a descriptor into a child process.
enum FileSystem {
    /// What is at a path, without following a final symbolic link.
    enum Kind: Equatable {
        case missing, directory, regularFile, symbolicLink, other
    }

    /// An opened file's identity, to check that a path still names the file that was read.
    struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64
    }

    /// A whole file's bytes and identity.
    struct Contents {
        let bytes: [UInt8]
        /// The file's whole size, which is more than `bytes.count` when a limit was given.
        let size: Int
        let identity: Identity
        let modified: Int64
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regularFile
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Creates `path` and any missing parents with mode 0700 (set explicitly, whatever the umask).
    static func makeDirectories(_ path: String) throws(SystemCallError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) == 0 {
                guard chmod(prefix, 0o700) == 0 else { throw SystemCallError("chmod", prefix) }
            } else if errno != EEXIST {
                throw SystemCallError("mkdir", prefix)
            }
        }
    }

    /// Whether the current user may list, read and create files in the directory at `path`.
    static func isWritableDirectory(_ path: String) -> Bool {
        access(path, R_OK | W_OK | X_OK) == 0
    }

    /// The names in a directory, except `.` and `..`.
    static func names(in path: String) throws(SystemCallError) -> [String] {
        guard let directory = opendir(path) else { throw SystemCallError("opendir", path) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Reads a regular file whole, or its first `limit` bytes.
    ///
    /// - Throws: `ENOENT` when absent, `ELOOP` for a symbolic link, `EINVAL` when not a regular file.
    static func readFile(_ path: String, limit: Int = .max) throws(SystemCallError) -> Contents {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemCallError("open", path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SystemCallError("fstat", path) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw SystemCallError("open", path, code: EINVAL) }
        let size = min(Int(info.st_size), limit)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw SystemCallError("read", path) }
            if count == 0 { break }  // shrank while reading: what was read is what there is
            filled += count
        }
        bytes.removeSubrange(filled...)
        return Contents(
            bytes: bytes,
            size: Int(info.st_size),
            identity: Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)),
            modified: modificationTime(info)
        )
    }

    /// Creates a new file at `path` holding `bytes`, with mode 0600 whatever the umask.
    ///
    /// `O_EXCL` makes the creation fail rather than write into anything already there.
    static func createFile(_ path: String, bytes: [UInt8]) throws(SystemCallError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw SystemCallError("create", path) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw SystemCallError("fchmod", path) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, bytes.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw SystemCallError("write", path) }
            written += count
        }
    }

    /// Atomically replaces whatever is at `destination` with the file at `source`.
    static func move(_ source: String, to destination: String) throws(SystemCallError) {
        guard rename(source, destination) == 0 else { throw SystemCallError("rename", destination) }
    }

    private static func modificationTime(_ info: stat) -> Int64 {
        #if canImport(Darwin)
            let time = info.st_mtimespec
        #else
            let time = info.st_mtim
        #endif
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// Removes the file at `path`; a file already gone is not an error.
    static func remove(_ path: String) throws(SystemCallError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw SystemCallError("unlink", path) }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The log file at a path, opened and locked with `flock` for the duration of one operation.
///
/// Every operation opens the path anew, so a log replaced by compaction is picked up at once:
/// after taking the lock, the descriptor's inode is compared with the path's, and a file renamed
/// away meanwhile is closed and the path opened again.
enum LogFile {
    /// Runs `body` with the log at `path` open and locked (`LOCK_EX` to write, `LOCK_SH` to read),
    /// creating the log (with a header of a new generation) when it is missing.
    static func withLock<T>(
        _ path: String, exclusive: Bool, _ body: (LogHandle) throws(SemanticStoreError) -> T
    ) throws(SemanticStoreError) -> T {
        while true {
            let flags = (exclusive ? O_RDWR | O_APPEND : O_RDONLY) | O_NOFOLLOW | O_CLOEXEC
            let descriptor = open(path, flags)
            if descriptor < 0 {
                if errno == EINTR { continue }
                guard errno == ENOENT else { throw LogHandle.failure("open", path) }
                try create(path, header: LogEntry.header(generation: .random(in: 1...UInt64.max)))
                continue
            }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else { throw LogHandle.failure("fstat", path) }
            guard info.st_mode & S_IFMT == S_IFREG else { throw LogHandle.failure("open", path, code: EISDIR) }
            while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
                guard errno == EINTR else { throw LogHandle.failure("flock", path) }
            }
            let handle = LogHandle(descriptor: descriptor, path: path)
            // Compaction renamed a new log over this one while we waited: use the new one.
            guard try handle.isCurrent() else { continue }
            return try body(handle)
        }
    }

    /// Creates the log at `path` holding `header`, unless another process created one first.
    ///
    /// The header is written to a temporary file which is then linked to the path: the log never
    /// exists without its header, and `link` fails instead of replacing a log created meanwhile.
    static func create(_ path: String, header: LogEntry) throws(SemanticStoreError) {
        let temporary = path + ".new-\(UInt32.random(in: 0...UInt32.max))"
        try write(header.line(), toNewFile: temporary)
        defer { unlink(temporary) }
        guard link(temporary, path) == 0 || errno == EEXIST else { throw LogHandle.failure("link", path) }
    }

    /// Writes `bytes` to a new file at `path` (mode 0600) and flushes it to disk.
    static func write(_ bytes: [UInt8], toNewFile path: String) throws(SemanticStoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw LogHandle.failure("create", path) }
        defer { close(descriptor) }
        do throws(SemanticStoreError) {
            try LogHandle(descriptor: descriptor, path: path).writeAll(bytes)
            guard fsync(descriptor) == 0 else { throw LogHandle.failure("fsync", path) }
        } catch {
            unlink(path)
            throw error
        }
    }
}

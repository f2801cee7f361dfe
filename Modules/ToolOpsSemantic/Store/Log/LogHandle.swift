#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open, locked log file, valid inside ``LogFile/withLock(_:exclusive:_:)`` only.
struct LogHandle {
    let descriptor: Int32
    let path: String

    /// Whether the path still names the file this descriptor has open.
    func isCurrent() throws(SemanticStoreError) -> Bool {
        var opened = stat()
        var named = stat()
        guard fstat(descriptor, &opened) == 0 else { throw Self.failure("fstat", path) }
        guard lstat(path, &named) == 0 else {
            if errno == ENOENT { return false }
            throw Self.failure("stat", path)
        }
        return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }

    /// The file's size in bytes.
    func size() throws(SemanticStoreError) -> Int64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Self.failure("fstat", path) }
        return Int64(info.st_size)
    }

    /// The bytes from `offset` to the end of the file (as far as it is written now).
    func read(from offset: Int64, upTo end: Int64? = nil) throws(SemanticStoreError) -> [UInt8] {
        var end = end ?? 0
        if end == 0 { end = try size() }
        guard end > offset else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(end - offset))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + filled, buffer.count - filled, off_t(offset) + off_t(filled))
            }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw Self.failure("read", path) }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Appends `line` (which ends in a newline) in one write; call it under the exclusive lock.
    ///
    /// A writer that crashed mid-line leaves a last line without its newline; a newline is written
    /// first then, so that fragment stays a (skipped) line of its own and `line` stays intact.
    func append(_ line: [UInt8]) throws(SemanticStoreError) {
        let size = try size()
        var last: UInt8 = 0x0A
        if size > 0, try read(from: size - 1, upTo: size) != [0x0A] { last = 0 }
        try writeAll(last == 0x0A ? line : [0x0A] + line)
    }

    /// Writes every byte, continuing after short writes.
    func writeAll(_ bytes: [UInt8]) throws(SemanticStoreError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw Self.failure("write", path) }
            written += count
        }
    }

    /// A typed error for a failed system call on `path`, from `errno`.
    static func failure(_ operation: String, _ path: String, code: Int32 = errno) -> SemanticStoreError {
        let reason = String(cString: strerror(code))
        switch code {
        case EACCES, EPERM, EROFS:
            return SemanticStoreError(
                .notWritable, path: path,
                "\(operation) failed: \(reason); make the file and its directory writable by this user, "
                    + "or configure another file")
        case ELOOP, EISDIR:
            return SemanticStoreError(
                .notAFile, path: path, "\(operation) failed: not a regular file (symbolic links are not followed)")
        default:
            return SemanticStoreError(.ioFailed, path: path, "\(operation) failed: \(reason)")
        }
    }
}

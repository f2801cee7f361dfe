#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The blocking system calls of ``MCPStdioTransport``: whole writes, readiness waits, `SIGPIPE`.
enum POSIXPipe {
    /// Writes all of `bytes` to `fd`, looping over partial writes and `EINTR`.
    ///
    /// The fd is expected to be blocking; if someone made it non-blocking, `EAGAIN` waits in
    /// `poll(2)` for room instead of sleeping.
    ///
    /// - Throws: the `errno` of the first write that failed otherwise.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(POSIXErrno) {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written >= 0 {
                offset += written
                continue
            }
            let code = errno
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: wait(fd, for: Int16(POLLOUT))
            default: throw POSIXErrno(code: code)
            }
        }
    }

    /// Blocks until `fd` is ready for `events` (or reports an error or hang-up, which the next call sees).
    static func wait(_ fd: Int32, for events: Int16) {
        var descriptor = pollfd(fd: fd, events: events, revents: 0)
        while poll(&descriptor, 1, -1) < 0 && errno == EINTR {}
    }

    /// Sets `SIGPIPE` to ignored if it has its default action (which kills the process); leaves a
    /// handler or an earlier `SIG_IGN` alone.
    static func ignoreSIGPIPEIfDefault() {
        var current = sigaction()
        guard sigaction(SIGPIPE, nil, &current) == 0 else { return }
        #if canImport(Glibc)
            let isDefault = current.__sigaction_handler.sa_handler == nil
        #else
            let isDefault = current.__sigaction_u.__sa_handler == nil
        #endif
        // SIG_DFL is the null handler; the check-then-set races only with another thread setting
        // SIGPIPE at the same moment, which is the application's own business.
        if isDefault && current.sa_flags & SA_SIGINFO == 0 { signal(SIGPIPE, SIG_IGN) }
    }
}

/// A failed system call's `errno`.
struct POSIXErrno: Error {
    let code: Int32
}

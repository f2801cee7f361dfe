import NIOCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension MetricsServerError {
    /// The error for a failed bind to `host:port`, with the operating system's reason and advice.
    static func bindFailed(host: String, port: Int, underlying error: any Error) -> Self {
        let address = MetricsServer.displayAddress(host: host, port: port)
        let reason: String
        switch error {
        case let error as IOError:
            let number = error.errnoCode
            reason = "\(lowercasingFirst(String(cString: strerror(number)))) (errno \(number)). \(advice(number))"
        case SocketAddressError.unknown:
            reason = "host \"\(host)\" could not be resolved. Use an IP address, or a name this machine resolves."
        default:
            reason = "\(error)."
        }
        return Self(.bindFailed, "cannot listen on \(address): \(reason)")
    }

    /// What the user can do about a bind that failed with `errorNumber`.
    private static func advice(_ errorNumber: Int32) -> String {
        switch errorNumber {
        case EADDRINUSE:
            "Stop the process that holds the port, or choose another port (0 picks a free one)."
        case EACCES, EPERM:
            "Ports below 1024 need privileges; choose a port from 1024 up, such as 9464."
        case EADDRNOTAVAIL:
            "The host is not an address of this machine; use 127.0.0.1, 0.0.0.0 or an interface's address."
        default:
            "Check the host and port."
        }
    }

    /// `Address already in use` → `address already in use`, to read as the middle of a sentence.
    private static func lowercasingFirst(_ text: String) -> String {
        text.prefix(1).lowercased() + text.dropFirst()
    }
}

extension MetricsServer {
    /// `127.0.0.1:9464`, or `[::1]:9464` for an IPv6 address.
    static func displayAddress(host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}

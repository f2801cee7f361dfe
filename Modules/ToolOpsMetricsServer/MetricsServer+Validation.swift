extension MetricsServer.Configuration {
    /// Checks every field, and throws for the first one that cannot work.
    ///
    /// The error's code is ``MetricsServerError/Code/invalidConfiguration`` and its message
    /// names the field, the value and what to use instead. ``MetricsServer/start()`` calls this
    /// before binding; call it yourself to report a bad command-line flag or configuration file
    /// early.
    ///
    /// ```swift
    /// try MetricsServer.Configuration(port: 70_000).validate()
    /// // metrics server invalid configuration: port 70000 is out of range; use 0...65535 (0 picks a free port).
    /// ```
    public func validate() throws(MetricsServerError) {
        if host.isEmpty {
            throw .invalidConfiguration(
                "host is empty; use \"127.0.0.1\" for this machine only, or \"0.0.0.0\" for every interface.")
        }
        if !(0...65_535).contains(port) {
            throw .invalidConfiguration("port \(port) is out of range; use 0...65535 (0 picks a free port).")
        }
        try validatePath()
        if idleTimeout <= .zero {
            throw .invalidConfiguration("idleTimeout \(idleTimeout) must be greater than zero, like .seconds(120).")
        }
    }

    private func validatePath() throws(MetricsServerError) {
        guard path.hasPrefix("/") else {
            throw .invalidConfiguration("path \"\(path)\" must start with \"/\", like \"/metrics\".")
        }
        // The path is compared with the request target minus its query, so these could never match.
        if path.unicodeScalars.contains(where: {
            $0 == "?" || $0 == "#" || $0.properties.isWhitespace || $0.value < 0x20
        }) {
            throw .invalidConfiguration(
                "path \"\(path)\" must not contain \"?\", \"#\", spaces or control characters; use a plain path like \"/metrics\"."
            )
        }
        if path == Self.healthPath {
            throw .invalidConfiguration(
                "path \"\(path)\" is reserved for the health check; choose another, like \"/metrics\".")
        }
    }
}

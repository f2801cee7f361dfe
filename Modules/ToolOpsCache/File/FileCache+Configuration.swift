import ToolOpsCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension FileCache {
    /// Where a ``FileCache`` keeps its files, how much it may keep, and its clock.
    ///
    /// Entries live in `<directory>/<namespace>/`. Several stores (or processes) may share a
    /// directory under different namespaces; ``CacheScope/all`` clears one namespace only.
    ///
    /// ```swift
    /// let cache = try FileCache(configuration: .init(directory: URL(filePath: "/var/cache/agent")))
    /// ```
    public struct Configuration: Sendable {
        /// The folder that holds the namespace folder. Created (mode 0700) when missing.
        public var directory: URL
        /// The name of the folder inside ``directory`` holding this store's entries: 1–255 ASCII
        /// letters, digits, `.`, `_` or `-`, and neither `.` nor `..`. Default `"default"`.
        public var namespace: String
        /// The most entry files the store keeps. Default 10,000.
        public var maxEntries: Int
        /// The most bytes the store's entry files may take. Default 256 MiB.
        ///
        /// An entry whose file would be larger is not written.
        public var maxBytes: Int
        /// Where time comes from for expiry.
        public var clock: any ToolClock

        /// A configuration; `directory` defaults to ``FileCache/defaultDirectory(environment:)``.
        public init(
            directory: URL = FileCache.defaultDirectory(),
            namespace: String = "default",
            maxEntries: Int = 10_000,
            maxBytes: Int = 256 << 20,
            clock: any ToolClock = SystemClock()
        ) {
            self.directory = directory
            self.namespace = namespace
            self.maxEntries = max(0, maxEntries)
            self.maxBytes = max(0, maxBytes)
            self.clock = clock
        }

        /// The namespace folder's path.
        var namespacePath: String {
            var base = directory.path(percentEncoded: false)
            while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
            return base == "/" ? "/" + namespace : base + "/" + namespace
        }

        /// Throws `misconfigured` unless ``namespace`` is a single, plain folder name.
        func validateNamespace() throws(ToolError) {
            let allowed = namespace.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
            guard allowed, !namespace.isEmpty, namespace.utf8.count <= 255, namespace != ".", namespace != ".." else {
                throw ToolError.misconfigured(
                    "file cache namespace '\(namespace)' is invalid: use 1-255 letters, digits, '.', '_' or '-' "
                        + "(not '.' or '..')",
                    field: "namespace"
                )
            }
        }
    }
}

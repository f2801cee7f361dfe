import ToolOpsCore

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension FileSemanticStore {
    /// Where a ``FileSemanticStore`` keeps its log, when it compacts it, and its clock.
    ///
    /// Processes share a store by configuring the same ``file``; the scope of `invalidate(.all)`
    /// is the file, so give each application (or namespace) its own.
    ///
    /// ```swift
    /// let store = try FileSemanticStore(configuration: .init(
    ///     file: URL(filePath: "/var/cache/agent/semantic.log"), compactionThreshold: 64 << 20))
    /// ```
    public struct Configuration: Sendable {
        /// The log file. Its directory is created (mode 0700) when missing; the file (mode 0600)
        /// on first use.
        public var file: URL
        /// The size in bytes below which the log is never compacted by itself. Default 16 MiB.
        public var compactionThreshold: Int
        /// Whether writes compact the log when it exceeds ``compactionThreshold`` and dead lines
        /// (removed, replaced, invalidated or expired records, and the removals themselves)
        /// outnumber live records. Default on; ``FileSemanticStore/compact()`` works either way.
        public var automaticCompaction: Bool
        /// Where time comes from, to leave expired records out of reloads and compactions.
        public var clock: any ToolClock

        public init(
            file: URL,
            compactionThreshold: Int = 16 << 20,
            automaticCompaction: Bool = true,
            clock: any ToolClock = SystemClock()
        ) {
            self.file = file
            self.compactionThreshold = compactionThreshold
            self.automaticCompaction = automaticCompaction
            self.clock = clock
        }

        func validate(path: String) throws(SemanticStoreError) {
            guard compactionThreshold >= 0 else {
                throw SemanticStoreError(
                    .invalidConfiguration, path: path,
                    "compactionThreshold must not be negative, got \(compactionThreshold)")
            }
            guard !path.isEmpty, !path.hasSuffix("/") else {
                throw SemanticStoreError(.invalidConfiguration, path: path, "file must name a file, not a directory")
            }
        }
    }

    /// The log used when none is configured: `semantic/<name>.log` in ToolOps's cache folder.
    ///
    /// The folder is, in order: `$TOOLOPS_CACHE_DIR`; `$XDG_CACHE_HOME/toolops` (when absolute);
    /// `$HOME/.cache/toolops`; the system's temporary folder plus `toolops`. Empty variables count
    /// as unset — the same folder as the file cache's.
    ///
    /// ```swift
    /// FileSemanticStore.defaultFile(environment: ["HOME": "/home/ada"])
    /// // /home/ada/.cache/toolops/semantic/default.log
    /// ```
    public static func defaultFile(
        name: String = "default", environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        func value(_ key: String) -> String? { environment[key].flatMap { $0.isEmpty ? nil : $0 } }
        let base: URL
        if let explicit = value("TOOLOPS_CACHE_DIR") {
            base = URL(filePath: explicit, directoryHint: .isDirectory)
        } else if let xdg = value("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
            base = URL(filePath: xdg, directoryHint: .isDirectory).appending(
                path: "toolops", directoryHint: .isDirectory)
        } else if let home = value("HOME") {
            base = URL(filePath: home, directoryHint: .isDirectory).appending(
                path: ".cache/toolops", directoryHint: .isDirectory)
        } else {
            base = FileManager.default.temporaryDirectory.appending(path: "toolops", directoryHint: .isDirectory)
        }
        return base.appending(path: "semantic", directoryHint: .isDirectory).appending(path: name + ".log")
    }
}

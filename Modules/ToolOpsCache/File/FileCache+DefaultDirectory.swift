#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

extension FileCache {
    /// The folder the file store uses when none is configured.
    ///
    /// In order: `$TOOLOPS_CACHE_DIR`; `$XDG_CACHE_HOME/toolops` (when it is an absolute path,
    /// as the XDG specification requires); `$HOME/.cache/toolops`; and, with no home at all, the
    /// system's temporary folder plus `toolops`. Empty variables count as unset.
    ///
    /// ```swift
    /// FileCache.defaultDirectory(environment: ["HOME": "/home/ada"])  // /home/ada/.cache/toolops
    /// ```
    public static func defaultDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        func value(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        if let explicit = value("TOOLOPS_CACHE_DIR") {
            return URL(filePath: explicit, directoryHint: .isDirectory)
        }
        if let xdg = value("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
            return URL(filePath: xdg, directoryHint: .isDirectory).appending(
                path: "toolops", directoryHint: .isDirectory)
        }
        if let home = value("HOME") {
            return URL(filePath: home, directoryHint: .isDirectory)
                .appending(path: ".cache/toolops", directoryHint: .isDirectory)
        }
        return FileManager.default.temporaryDirectory.appending(path: "toolops", directoryHint: .isDirectory)
    }
}

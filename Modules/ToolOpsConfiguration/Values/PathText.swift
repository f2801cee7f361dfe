/// Paths as written in the file: `~` is the home folder; relative paths are relative to a base
/// folder (the configuration file's); the result is absolute, with `.` and `..` resolved.
enum PathText {
    /// Why a path could not be resolved.
    enum Failure: Error, Equatable {
        case empty
        case noHome
        case otherUsersHome
    }

    /// `path` as an absolute path.
    static func resolve(_ path: String, home: String?, base: String) -> Result<String, Failure> {
        guard !path.isEmpty else { return .failure(.empty) }
        var expanded = path
        if path == "~" || path.hasPrefix("~/") {
            guard let home, !home.isEmpty else { return .failure(.noHome) }
            expanded = home + path.dropFirst()
        } else if path.hasPrefix("~") {
            return .failure(.otherUsersHome)
        }
        if !expanded.hasPrefix("/") { expanded = base + "/" + expanded }
        return .success(normalized(expanded))
    }

    /// An absolute path without empty, `.` and `..` parts (`..` at the root stays at the root).
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder holding `path` (`/` for a top-level file).
    static func parent(of path: String) -> String {
        let normalized = normalized(path)
        guard let slash = normalized.lastIndex(of: "/"), slash != normalized.startIndex else { return "/" }
        return String(normalized[..<slash])
    }
}

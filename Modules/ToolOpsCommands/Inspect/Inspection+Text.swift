import ToolOps

extension Inspection {
    /// The inspection as aligned `label  value` lines.
    var text: String {
        var lines: [(String, String)] = [
            ("tool", tool),
            ("arguments", arguments),
            ("key", key + (keySource == "tool" ? " (from the app's tool)" : " (derived from name, version and JSON)")),
            ("store", store),
            ("status", "\(status.rawValue) at \(checkedAt)"),
        ]
        if let storedAt { lines.append(("stored at", storedAt)) }
        if let expires { lines.append(("expires", expires)) }
        if let staleUntil { lines.append(("stale until", staleUntil)) }
        if let size { lines.append(("size", "\(Format.bytes(size)) (\(size) bytes)")) }
        if let tags, !tags.isEmpty { lines.append(("tags", tags.joined(separator: ", "))) }
        if let note { lines.append(("note", note)) }
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { "\($0.0.padded(to: width))  \($0.1)" }.joined(separator: "\n")
    }
}

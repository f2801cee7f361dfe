/// The complete lines of a stretch of the log, parsed.
struct LogLines {
    /// The entries, in order; `nil` for a line that could not be parsed.
    let entries: [LogEntry?]
    /// The number of bytes of complete lines (a last line without its newline is left out: it is
    /// still being written, or was torn by a crash and will be followed by a newline).
    let consumed: Int64

    init(_ bytes: [UInt8]) {
        var entries: [LogEntry?] = []
        var start = 0
        for index in bytes.indices where bytes[index] == 0x0A {
            // An empty line is no entry at all (never written by the store; tolerated).
            if index > start { entries.append(LogEntry(line: bytes[start..<index])) }
            start = index + 1
        }
        self.entries = entries
        consumed = Int64(start)
    }

    /// How many lines could not be parsed.
    var corrupt: Int { entries.count { $0 == nil } }
}

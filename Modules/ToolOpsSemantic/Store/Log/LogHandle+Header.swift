/// The first line of a log, parsed.
struct LogHeader {
    /// The log's generation.
    let generation: UInt64
    /// Where the first entry after the header starts.
    let end: Int64
}

extension LogHandle {
    /// The log's header.
    ///
    /// - Throws: `unsupportedFormat` when the first line is not a header of this build's format.
    func header() throws(SemanticStoreError) -> LogHeader {
        let start = try read(from: 0, upTo: min(try size(), 4096))
        guard let newline = start.firstIndex(of: 0x0A),
            case .header(let generation, let format)? = LogEntry(line: start[..<newline])
        else {
            throw SemanticStoreError(
                .unsupportedFormat, path: path,
                "the file is not a semantic store log (its first line is not a log header); "
                    + "move it away or configure another file")
        }
        guard format == LogEntry.format else {
            throw SemanticStoreError(
                .unsupportedFormat, path: path,
                "the log is in format \(format), this ToolOps reads format \(LogEntry.format); "
                    + "upgrade ToolOps or configure another file")
        }
        return LogHeader(generation: generation, end: Int64(newline + 1))
    }
}

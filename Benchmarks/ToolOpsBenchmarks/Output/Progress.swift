#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress and notes for the person watching: stderr only, so stdout stays pure JSON lines.
enum Progress {
    static func note(_ message: String) {
        send("toolops-bench: \(message)\n", to: STDERR_FILENO)
    }

    /// Writes a result line to stdout at once, so a pipe sees each scenario as it ends.
    static func emit(_ result: BenchmarkResult) {
        send(result.jsonLine + "\n", to: STDOUT_FILENO)
    }

    /// Writes one line of JSON that is not a scenario result (a coalescing worker's report).
    static func emit(_ line: JSONLine) {
        send(line.text + "\n", to: STDOUT_FILENO)
    }

    // Straight to the descriptor: unbuffered, and no shared C `FILE *` globals to reason about.
    private static func send(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

extension CommandInput {
    /// Reads up to `count` lines, fewer only at the end of the input; an empty line is an empty string.
    func readLines(upTo count: Int) -> [String] {
        var lines: [String] = []
        while lines.count < count, let line = readLine() {
            lines.append(line)
        }
        return lines
    }
}

/// Reads lines in batches, turns each batch into output lines, and writes them before reading on:
/// a long input is never all in memory, and output keeps pace with input.
enum EmbedBatches {
    /// Reads `input` to its end, `batchSize` lines at a time, and writes the lines `transform`
    /// makes of each batch (one per input line, in order) to standard output.
    static func run(
        from input: any CommandInput, to output: any CommandOutput, batchSize: Int = EmbedCommand.batchSize,
        _ transform: ([String]) async throws -> [String]
    ) async throws {
        while true {
            let batch = input.readLines(upTo: batchSize)
            if batch.isEmpty { return }
            let lines = try await transform(batch)
            guard lines.count == batch.count else {
                throw CommandError("expected \(batch.count) results for a batch of lines, got \(lines.count)")
            }
            output.write(lines.map { $0 + "\n" }.joined(), to: .standardOutput)
            if batch.count < batchSize { return }
        }
    }
}

import ToolOpsSemantic

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the MiniLM scenarios share: where the model is, and their token inputs.
///
/// The model directory is `TOOLOPS_MINILM_PATH`, else where `make model` puts it
/// (`$TOOLOPS_CACHE_DIR`, `$XDG_CACHE_HOME/toolops` or `~/.cache/toolops`, then
/// `models/all-MiniLM-L6-v2`). Without a `model.safetensors` there, each scenario prints a
/// `skipped` line. Inputs are token ids, so the figures are the encoder's alone (no tokenizer).
enum MiniLMBench {
    static let skipReason = "no all-MiniLM-L6-v2 model (run make model, or set TOOLOPS_MINILM_PATH)"

    /// "A man is playing a large flute." with `[CLS]` and `[SEP]`: 10 tokens.
    static let shortQuery: [Int32] = [101, 1037, 2158, 2003, 2652, 1037, 2312, 8928, 1012, 102]

    /// 32 sequences of 8 to 16 tokens (11.5 on average; the STS-style reference texts average 11),
    /// with fixed pseudo-random word ids: the encoder's cost depends only on the lengths.
    static let batch: [[Int32]] = {
        let lengths = [8, 10, 12, 14, 9, 11, 13, 16]
        var random = SplitMixGenerator(seed: 0x4D69_6E69)
        return (0..<32).map { index in
            let words = (0..<(lengths[index % lengths.count] - 2)).map { _ in Int32(1_000 + random.next() % 28_000) }
            return [101] + words + [102]
        }
    }()

    static var modelDirectory: String {
        func environment(_ name: String) -> String? {
            guard let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty else { return nil }
            return value
        }
        if let path = environment("TOOLOPS_MINILM_PATH") { return path }
        let cache =
            environment("TOOLOPS_CACHE_DIR")
            ?? ((environment("XDG_CACHE_HOME") ?? ((environment("HOME") ?? "/root") + "/.cache")) + "/toolops")
        return cache + "/models/all-MiniLM-L6-v2"
    }

    /// Runs `body` with the model directory, or prints a note and returns the `skipped` line.
    static func run(
        _ scenario: String, target: String, _ body: (String) async throws -> [BenchmarkResult]
    ) async throws -> [BenchmarkResult] {
        let directory = modelDirectory
        guard access(directory + "/model.safetensors", R_OK) == 0 else {
            Progress.note("\(scenario): skipped, \(skipReason)")
            var result = BenchmarkResult(scenario: scenario, target: target, iterations: 0)
            result.skipped = skipReason
            return [result]
        }
        return try await body(directory)
    }
}

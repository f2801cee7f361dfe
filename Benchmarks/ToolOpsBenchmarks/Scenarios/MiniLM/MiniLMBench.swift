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
/// `skipped` line. Inputs are texts: the figures include the tokenizer.
enum MiniLMBench {
    static let skipReason = "no all-MiniLM-L6-v2 model (run make model, or set TOOLOPS_MINILM_PATH)"

    /// The short query of `minilm_embed_short` (10 tokens with `[CLS]` and `[SEP]`).
    static let shortText = "A man is playing a large flute."

    /// 32 short sentences, as an agent's questions are: 8 to 17 tokens each.
    static let batchTexts: [String] = {
        let subjects = [
            "A man", "The woman", "A small child", "Two dogs", "The old farmer", "A cat", "Our team", "She",
        ]
        let actions = [
            "is playing a guitar", "rides a horse along the beach", "reads the morning paper",
            "is cooking pasta in the kitchen",
        ]
        return (0..<32).map { index in
            "\(subjects[index % subjects.count]) \(actions[index / subjects.count]) on day \(index + 1)."
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

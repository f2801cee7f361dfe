import Foundation
import ToolOpsSemantic

/// `minilm_rss`: the resident memory of a fresh process that loaded the model and embedded one query.
///
/// Measured in this binary started again in its hidden `--minilm-rss DIR` mode, so nothing the
/// other scenarios allocated counts. The child prints `rss_mb load_ms` on one line.
enum MiniLMResidentMemoryScenario {
    static let name = "minilm_rss"

    static func run(_ workload: Workload) async throws -> [BenchmarkResult] {
        let target = "rss<=200MB"
        return try await MiniLMBench.run(name, target: target) { directory in
            let process = Process()
            process.executableURL = URL(
                fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            process.arguments = ["--minilm-rss", directory]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let fields = String(decoding: data, as: UTF8.self).split(separator: " ").compactMap {
                Double($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            guard process.terminationStatus == 0, fields.count == 2 else {
                throw ScenarioFailure("the --minilm-rss child exited \(process.terminationStatus), printing '\(data)'")
            }
            var result = BenchmarkResult(scenario: name, target: target, iterations: 1)
            result.residentMegabytes = fields[0]
            result.extra.add("load_ms", fields[1], decimals: 1)
            result.targetMet = fields[0] <= 200
            result.note =
                "VmRSS of a fresh toolops-bench process after loading MiniLMEmbedder (vocabulary and weights) and "
                + "embedding one query; "
                + "PyTorch process: 822 MB"
            return [result]
        }
    }

    /// The child: loads the embedder (vocabulary and weights), embeds one query, prints
    /// `rss_mb load_ms`; returns the exit status.
    static func child(directory: String) async -> Int32 {
        let start = MonotonicClock.now()
        do {
            let embedder = try MiniLMEmbedder(path: directory)
            let loadMilliseconds = Double(MonotonicClock.elapsed(since: start)) / 1e6
            let vector = try await embedder.embed([MiniLMBench.shortText])[0]
            guard vector.count == embedder.dimensions, let megabytes = ResidentMemory.megabytes() else { return 1 }
            print("\(megabytes) \(loadMilliseconds)")
            return 0
        } catch {
            Progress.note("minilm_rss child: \(error)")
            return 1
        }
    }
}

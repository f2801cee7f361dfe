import Foundation
import Testing
import ToolOps
import ToolOpsCommands

@Suite("toolops semantic-eval")
struct SemanticEvalCommandTests {
    static let app = BareApplication(stores: CacheStoreRegistry(), clock: SystemClock())

    func file(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("toolops-eval-\(UUID().uuidString)")
            .path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("prints one JSON line per dataset, threshold and guard setting, and a table on stderr")
    func jsonLines() async throws {
        let stsb = try file(
            "g\tf\t2012\t1\t5.0\tstatus of invoice 442\tStatus of invoice #442?\n"
                + "g\tf\t2012\t2\t0.0\tstatus of invoice 442\tstatus of invoice 443\n")
        let paws = try file("1\tflights from New York to Florida\tflights from Florida to New York\t0\r\n")
        let run = await CommandRun.run(
            ["semantic-eval", "--stsb", stsb, "--paws", paws, "--thresholds", "0.5,0.99"],
            application: Self.app)
        #expect(run.error == nil, "\(run.errorMessage)")
        let lines: [JSONValue] = try run.standardOutput.split(separator: "\n").map { line in
            try JSONValue(parsing: String(line))
        }
        #expect(lines.count == 8)  // 2 datasets × 2 thresholds × guards off/on
        func row(_ dataset: JSONValue, guards: Bool) -> JSONValue? {
            lines.first { line in
                line["dataset"] == dataset && line["threshold"] == JSONValue.double(0.5)
                    && line["guards"] == .bool(guards)
            }
        }
        let stsbGuarded = row("stsb", guards: true)
        #expect(stsbGuarded?["true_hits"] == JSONValue.int(1))
        #expect(stsbGuarded?["false_hits"] == JSONValue.int(0))
        #expect(stsbGuarded?["rejected"]?["identifiers"] == JSONValue.int(1))
        #expect(row("paws", guards: false)?["false_hit_rate"]?.doubleValue == 1)
        #expect(run.standardError.contains("dataset  embedder"))
    }

    @Test("usage mistakes are one-line errors with status 64")
    func usageErrors() async throws {
        let none = await CommandRun.run(["semantic-eval"], application: Self.app)
        #expect(none.exitCode == 64)
        #expect(none.errorMessage.contains("Give --stsb, --paws, or both."))
        let stsb = try file("g\tf\t2012\t1\t5.0\ta\tb\n")
        let badThresholds = await CommandRun.run(
            ["semantic-eval", "--stsb", stsb, "--thresholds", "0.8,high"], application: Self.app)
        #expect(badThresholds.exitCode == 64)
        let badEmbedder = await CommandRun.run(
            ["semantic-eval", "--stsb", stsb, "--embedder", "word2vec"], application: Self.app)
        #expect(badEmbedder.errorMessage.contains("Unknown embedder 'word2vec'; choose among hashing, minilm, openai"))
    }

    @Test("the openai embedder says which environment variables it needs")
    func openAINeedsSettings() async throws {
        let stsb = try file("g\tf\t2012\t1\t5.0\ta\tb\n")
        let run = await CommandRun.run(
            ["semantic-eval", "--stsb", stsb, "--embedder", "openai"], application: Self.app)
        #expect(run.exitCode == 1)
        #expect(run.errorMessage.contains("TOOLOPS_EMBEDDING_MODEL"))
    }

    @Test("a malformed dataset names the file and line, status 1")
    func malformedDataset() async throws {
        let paws = try file("1\tonly\t0\n")
        let run = await CommandRun.run(["semantic-eval", "--paws", paws], application: Self.app)
        #expect(run.exitCode == 1)
        #expect(run.errorMessage.contains("\(paws):1: expected 4 tab-separated fields"))
    }
}

import Foundation
import Testing
import ToolOps
import ToolOpsSemantic

@testable import ToolOpsCommands

@Suite("toolops embed")
struct EmbedCommandTests {
    static let app = BareApplication(stores: CacheStoreRegistry(), clock: SystemClock())
    static let model = try? MiniLMModelDirectory.resolve()

    @Test(
        "--ids prints one array of token ids per line, an empty line included",
        .enabled(if: model != nil, "the MiniLM model is not downloaded: run `make model`"))
    func ids() async throws {
        let directory = try #require(Self.model)
        let texts = ["A plane is taking off.", "", "naïve café: 東京!"]
        let run = await CommandRun.run(
            ["embed", "--model", directory.url.path, "--ids"], application: Self.app,
            input: ScriptedInput(isInteractive: false, answers: texts))
        #expect(run.error == nil, "\(run.errorMessage)")
        let tokenizer = try WordPieceTokenizer(modelDirectory: directory)
        let expected = texts.map { "[" + tokenizer.encode($0).map(String.init).joined(separator: ",") + "]" }
        #expect(run.standardOutput == expected.map { $0 + "\n" }.joined())
        #expect(run.standardOutput.hasPrefix("[101,1037,4946,2003,2635,2125,1012,102]\n[101,102]\n"))
    }

    @Test(
        "without --ids, one unit-length 384-float array per line, equal to the embedder's vectors",
        .enabled(if: model != nil, "the MiniLM model is not downloaded: run `make model`"))
    func embeddings() async throws {
        let directory = try #require(Self.model)
        let texts = ["A plane is taking off.", "", "is invoice 442 paid?"]
        let run = await CommandRun.run(
            ["embed", "--model", directory.url.path], application: Self.app,
            input: ScriptedInput(isInteractive: false, answers: texts))
        #expect(run.error == nil, "\(run.errorMessage)")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let expected = try await MiniLMEmbedder(directory: directory).embed(texts)
        for (line, vector) in zip(lines, expected) {
            let printed = try JSONValue(parsing: line).arrayValue?.compactMap { $0.doubleValue.map(Float.init) } ?? []
            #expect(printed == vector)  // printed in the shortest form that reads back exactly
            #expect(abs(printed.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
        }
    }

    @Test("a missing model directory is a one-line error naming the missing file and `make model`")
    func missingModel() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-model-\(UUID().uuidString)").path
        for arguments in [["embed", "--model", path, "--ids"], ["embed", "--model", path]] {
            let run = await CommandRun.run(
                arguments, application: Self.app, input: ScriptedInput(isInteractive: false, answers: ["hello"]))
            #expect(run.exitCode == 1)
            #expect(!run.errorMessage.contains("\n"))
            #expect(run.errorMessage.contains("'\(path)/config.json'"))
            #expect(run.errorMessage.contains("run `make model`"))
            #expect(run.standardOutput.isEmpty)
        }
    }

    @Test("lines go to the model 32 at a time and come out in order, one array per line")
    func batches() async throws {
        let texts = (0..<70).map { "line \($0)" }
        let output = CapturedOutput()
        var sizes: [Int] = []
        try await EmbedBatches.run(from: ScriptedInput(isInteractive: false, answers: texts), to: output) { batch in
            sizes.append(batch.count)
            return try batch.map { text in try JSONArrayLine.floats([Float(text.dropFirst(5))!, 0.1, -1e-5]) }
        }
        #expect(sizes == [32, 32, 6])
        let lines = output.standardOutput.split(separator: "\n")
        #expect(lines.count == 70)
        #expect(lines[0] == "[0.0,0.1,-1e-05]")
        #expect(lines[69] == "[69.0,0.1,-1e-05]")
    }

    @Test("floats are printed so that they read back to the same Float; non-finite values are refused")
    func floatFormat() throws {
        let values: [Float] = [0.065392, -0.0575652, 1.0 / 3.0, .leastNormalMagnitude, 3.4e38]
        let line = try JSONArrayLine.floats(values)
        let parsed = try JSONDecoder().decode([Float].self, from: Data(line.utf8))
        #expect(parsed == values)
        #expect(line.hasPrefix("[0.065392,-0.0575652,0.33333334,"))
        #expect(throws: CommandError.self) { try JSONArrayLine.floats([1, .nan]) }
    }

    @Test("an empty input prints nothing")
    func emptyInput() async throws {
        let output = CapturedOutput()
        try await EmbedBatches.run(from: ScriptedInput(isInteractive: false), to: output) { _ in
            Issue.record("no batch expected")
            return []
        }
        #expect(output.standardOutput.isEmpty)
    }
}

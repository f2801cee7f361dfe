import ArgumentParser
import Foundation
import ToolOpsCore
import ToolOpsSemantic

/// `toolops semantic-eval`: scores an embedder, thresholds and the near-miss guards on STS-B and PAWS.
public struct SemanticEvalCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "semantic-eval",
        abstract: "Measure semantic-cache precision, recall and false hits on STS-B and PAWS pairs.",
        discussion: """
            STS-B pairs scoring 4 or more should hit and pairs scoring 2 or less must miss; PAWS \
            pairs labelled 1 should hit and 0 must miss. For each dataset and threshold, one JSON \
            object per line on standard output with the guards off and then on (precision, recall, \
            false_hit_rate, and the hits each guard refused); a table of the same on standard error.
            """
    )

    @Option(help: ArgumentHelp("STS-B file (tab-separated: genre, file, year, id, score, s1, s2).", valueName: "file"))
    var stsb: String?

    @Option(help: ArgumentHelp("PAWS file (tab-separated: id, s1, s2, label).", valueName: "file"))
    var paws: String?

    @Option(help: ArgumentHelp("The embedder: \(EmbedderChoice.names.joined(separator: ", ")).", valueName: "name"))
    var embedder: String = "hashing"

    @Option(help: ArgumentHelp("Comma-separated similarity thresholds.", valueName: "list"))
    var thresholds: String = "0.5,0.6,0.7,0.75,0.8,0.85,0.9,0.95"

    @Option(
        help: ArgumentHelp(
            "Share of swapped word pairs the word-order guard tolerates (0 refuses any swap).", valueName: "fraction"))
    var maxReordered: Double = 0

    @Flag(help: "Leave the table out (JSON lines only).")
    var noTable = false

    /// The command; ArgumentParser makes it.
    public init() {}

    /// Rejects option values that cannot work, before anything is read.
    public func validate() throws {
        if stsb == nil && paws == nil { throw ValidationError("Give --stsb, --paws, or both.") }
        _ = try parsedThresholds()
        guard EmbedderChoice.names.contains(embedder) else {
            throw ValidationError(
                "Unknown embedder '\(embedder)'; choose among \(EmbedderChoice.names.joined(separator: ", ")).")
        }
        guard (0...1).contains(maxReordered) else { throw ValidationError("--max-reordered must be between 0 and 1.") }
    }

    /// Runs the command; a failure is thrown as a one-line ``CommandError``.
    public func run() async throws {
        try await reportingErrors {
            let environment = CommandEnvironment.current
            var datasets: [EvaluationDataset] = []
            if let stsb { datasets.append(try EvaluationDataset.stsb(contentsOf: URL(fileURLWithPath: stsb))) }
            if let paws { datasets.append(try EvaluationDataset.paws(contentsOf: URL(fileURLWithPath: paws))) }
            let chosen = try EmbedderChoice.make(embedder, variables: environment.variables)
            let guards = NearMissGuards.Configuration(maxReorderedFraction: maxReordered)
            let rows = try await SemanticEvaluation.run(
                datasets: datasets, embedder: chosen, thresholds: try parsedThresholds(), guards: guards)
            for row in rows { environment.output.line(String(decoding: row.json.canonicalBytes(), as: UTF8.self)) }
            if !noTable { environment.output.diagnostic(EvaluationTable.render(rows)) }
        }
    }

    private func parsedThresholds() throws -> [Double] {
        let values = thresholds.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let parsed = values.compactMap(Double.init)
        guard !values.isEmpty, parsed.count == values.count, parsed.allSatisfy({ (-1...1).contains($0) }) else {
            throw ValidationError("--thresholds must be comma-separated numbers between -1 and 1, like 0.8,0.9.")
        }
        return parsed
    }
}

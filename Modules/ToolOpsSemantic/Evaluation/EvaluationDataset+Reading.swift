import Foundation

extension EvaluationDataset {
    /// STS-B, binarised: score ≥ `hitAtOrAbove` should hit, score ≤ `missAtOrBelow` must miss, the
    /// pairs in between are left out.
    ///
    /// The file is tab-separated without a header: genre, file, year, id, score, sentence 1,
    /// sentence 2, then optional licence fields (split on tabs only: sentences contain quotes).
    ///
    /// - Throws: ``EvaluationError`` naming the file and line of a malformed row.
    public static func stsb(
        contentsOf url: URL, hitAtOrAbove: Double = 4, missAtOrBelow: Double = 2
    ) throws(EvaluationError) -> EvaluationDataset {
        var pairs: [LabeledPair] = []
        for (number, line) in try lines(of: url) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 7, let score = Double(fields[4]) else {
                throw EvaluationError(
                    file: url.path, line: number,
                    message: "expected at least 7 tab-separated fields with a numeric score in field 5 (STS-B format)")
            }
            if score >= hitAtOrAbove || score <= missAtOrBelow {
                pairs.append(
                    LabeledPair(first: String(fields[5]), second: String(fields[6]), shouldHit: score >= hitAtOrAbove))
            }
        }
        return EvaluationDataset(name: "stsb", pairs: pairs)
    }

    /// PAWS: label 1 (paraphrase) should hit, label 0 must miss.
    ///
    /// The file is tab-separated: id, sentence 1, sentence 2, label; CRLF line endings and an
    /// optional header row are accepted.
    ///
    /// - Throws: ``EvaluationError`` naming the file and line of a malformed row.
    public static func paws(contentsOf url: URL) throws(EvaluationError) -> EvaluationDataset {
        var pairs: [LabeledPair] = []
        for (number, line) in try lines(of: url) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if number == 1, fields.first == "id" { continue }
            guard fields.count == 4, let label = Int(fields[3]), label == 0 || label == 1 else {
                throw EvaluationError(
                    file: url.path, line: number,
                    message: "expected 4 tab-separated fields: id, sentence1, sentence2, label 0 or 1 (PAWS format)")
            }
            pairs.append(LabeledPair(first: String(fields[1]), second: String(fields[2]), shouldHit: label == 1))
        }
        return EvaluationDataset(name: "paws", pairs: pairs)
    }

    /// The non-empty lines of a UTF-8 file with their 1-based numbers, without line endings.
    private static func lines(of url: URL) throws(EvaluationError) -> [(Int, Substring)] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw EvaluationError(
                file: url.path, line: nil, message: "cannot read the file as UTF-8 (\(error.localizedDescription))")
        }
        var result: [(Int, Substring)] = []
        // "\r\n" is a single Character in Swift, so split on newline characters, not on "\n".
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
        where !line.isEmpty {
            result.append((index + 1, line))
        }
        return result
    }
}

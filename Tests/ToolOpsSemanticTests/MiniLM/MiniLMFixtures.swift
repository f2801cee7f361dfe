import Foundation
import ToolOpsSemantic

/// The downloaded model (`make model`) and the reference tokenizations, when this machine has them.
///
/// The reference file holds, for 200 texts, the ids and embedding sentence-transformers computes;
/// it lives outside the repository: `$TOOLOPS_MINILM_REFERENCE`, else `/work/shared/minilm/reference.jsonl`.
enum MiniLMFixtures {
    /// The model directory `MiniLMModelDirectory.resolve()` would use, if it is complete.
    static let modelDirectory: MiniLMModelDirectory? = try? MiniLMModelDirectory.resolve()

    /// Whether the model is there; tests that need it are disabled otherwise.
    static var hasModel: Bool { modelDirectory != nil }

    /// The tokenizer of the downloaded model.
    static let tokenizer: WordPieceTokenizer? = modelDirectory.flatMap { try? WordPieceTokenizer(modelDirectory: $0) }

    /// The reference file's location.
    static let referenceFile = URL(
        fileURLWithPath: ProcessInfo.processInfo.environment["TOOLOPS_MINILM_REFERENCE"]
            ?? "/work/shared/minilm/reference.jsonl")

    /// Whether the reference file is there.
    static var hasReference: Bool { FileManager.default.fileExists(atPath: referenceFile.path) }

    /// One reference line: a text and the ids Hugging Face's tokenizer gives it.
    struct ReferenceCase: Decodable {
        let text: String
        let inputIDs: [Int32]

        enum CodingKeys: String, CodingKey {
            case text
            case inputIDs = "input_ids"
        }
    }

    /// The reference cases, in file order.
    static func referenceCases() throws -> [ReferenceCase] {
        let data = try Data(contentsOf: referenceFile)
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { line in
            try decoder.decode(ReferenceCase.self, from: line)
        }
    }
}

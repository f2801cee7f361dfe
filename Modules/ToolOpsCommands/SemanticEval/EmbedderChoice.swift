import ToolOpsCore
import ToolOpsSemantic

/// The embedders `toolops semantic-eval` can score, by name.
enum EmbedderChoice {
    static let names = ["hashing"]

    /// The embedder called `name`, configured from environment `variables` where it needs settings.
    static func make(_ name: String, variables: [String: String]) throws -> any Embedder {
        switch name {
        case "hashing": return HashingEmbedder()
        default:
            throw CommandError("unknown embedder '\(name)'; choose among \(names.joined(separator: ", "))")
        }
    }
}

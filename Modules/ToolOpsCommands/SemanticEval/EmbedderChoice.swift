import ToolOpsCore
import ToolOpsSemantic

/// The embedders `toolops semantic-eval` can score, by name.
///
/// `openai` is any OpenAI-compatible `/embeddings` endpoint, configured from the environment:
/// `TOOLOPS_EMBEDDING_MODEL` and `TOOLOPS_EMBEDDING_DIMENSIONS` (required),
/// `TOOLOPS_EMBEDDING_BASE_URL` (default OpenAI's), and the key in `OPENAI_API_KEY` (optional for a
/// local server such as Ollama or text-embeddings-inference). Vectors are memoised per text.
/// `minilm` is the native all-MiniLM-L6-v2 from `$TOOLOPS_MINILM_PATH` or the `make model` cache.
enum EmbedderChoice {
    static let names = ["hashing", "minilm", "openai"]

    /// The embedder called `name`, configured from environment `variables` where it needs settings.
    static func make(_ name: String, variables: [String: String]) throws -> any Embedder {
        switch name {
        case "hashing":
            return HashingEmbedder()
        case "minilm":
            return try MiniLMEmbedder(environment: variables)
        case "openai":
            guard let model = variables["TOOLOPS_EMBEDDING_MODEL"], !model.isEmpty else {
                throw CommandError("--embedder openai needs TOOLOPS_EMBEDDING_MODEL (and TOOLOPS_EMBEDDING_DIMENSIONS)")
            }
            guard let dimensions = variables["TOOLOPS_EMBEDDING_DIMENSIONS"].flatMap(Int.init), dimensions > 0 else {
                throw CommandError("--embedder openai needs TOOLOPS_EMBEDDING_DIMENSIONS, the model's vector length")
            }
            let configuration = OpenAIEmbedder.Configuration(
                model: model, dimensions: dimensions,
                baseURL: variables["TOOLOPS_EMBEDDING_BASE_URL"] ?? "https://api.openai.com/v1",
                authentication: .bearer(environmentVariable: "OPENAI_API_KEY", required: false))
            return CachingEmbedder(try OpenAIEmbedder(configuration: configuration, environment: variables))
        default:
            throw CommandError("unknown embedder '\(name)'; choose among \(names.joined(separator: ", "))")
        }
    }
}

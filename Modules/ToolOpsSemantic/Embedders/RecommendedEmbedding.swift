import Foundation
import ToolOpsCore

/// The embedder ToolOps recommends on this machine, with the similarity threshold measured for it
/// (`make semantic-eval`, Docs/SEMANTIC.md).
///
/// The native ``MiniLMEmbedder`` when its model is on disk (`make model`, or `$TOOLOPS_MINILM_PATH`);
/// otherwise the built-in ``HashingEmbedder``, which needs no download.
///
/// ```swift
/// let recommended = RecommendedEmbedding.resolve()
/// let cache = SemanticCache(embedder: recommended.embedder)
/// let caching = SemanticCaching(cache: cache, textField: "question", threshold: recommended.threshold)
/// ```
public struct RecommendedEmbedding: Sendable {
    /// The embedder.
    public let embedder: any Embedder
    /// The threshold to use with it, guards on.
    public let threshold: Double
    /// Why this one: the MiniLM model's directory, or why it could not be loaded.
    public let reason: String

    /// MiniLM if its model loads, else the hashing embedder.
    public static func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> RecommendedEmbedding {
        do {
            let minilm = try MiniLMEmbedder(environment: environment)
            return RecommendedEmbedding(
                embedder: minilm, threshold: MiniLMEmbedder.recommendedThreshold,
                reason: "MiniLM model at \(minilm.directory.url.path)")
        } catch {
            return RecommendedEmbedding(
                embedder: HashingEmbedder(), threshold: HashingEmbedder.recommendedThreshold,
                reason: "built-in hashing embedder (no MiniLM model: \(error))")
        }
    }
}

extension HashingEmbedder {
    /// 0.80 with the guards on: STS-B dev precision 1.000, recall 0.284; PAWS false hits 0.034.
    public static let recommendedThreshold = 0.8
}

extension MiniLMEmbedder {
    /// 0.85 with the guards on: STS-B dev precision 0.977, recall 0.492; PAWS false hits 0.032.
    public static let recommendedThreshold = 0.85
}

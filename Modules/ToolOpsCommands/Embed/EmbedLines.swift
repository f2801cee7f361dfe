import ToolOpsSemantic

/// The embeddings of `texts`, in order, from the MiniLM model in `modelDirectory`.
///
/// The one place `toolops embed` reaches the model runtime; everything around it (reading lines,
/// batching, printing) does not depend on how the vectors are computed.
func embedLines(_ texts: [String], modelDirectory: MiniLMModelDirectory) async throws -> [[Float]] {
    throw CommandError("embedding needs the MiniLM model runtime (not built yet)")
}

import ArgumentParser
import ToolOpsSemantic

/// `toolops embed`: the all-MiniLM-L6-v2 embedding (or, with `--ids`, the token ids) of each line
/// of standard input, as one JSON array per line on standard output, in order.
///
/// ```
/// $ printf 'A plane is taking off.\n\n' | toolops embed --ids
/// [101,1037,4946,2003,2635,2125,1012,102]
/// [101,102]
/// ```
public struct EmbedCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Print the MiniLM embedding, or token ids, of each line of standard input.",
        discussion: """
            Reads one text per line (an empty line is an empty text) and prints one JSON array per \
            line, in the same order: 384 floats, or with --ids the WordPiece token ids ([CLS] first, \
            [SEP] last, at most 256). The model directory is --model, else $TOOLOPS_MINILM_PATH, \
            else $TOOLOPS_CACHE_DIR/models/all-MiniLM-L6-v2, else \
            ${XDG_CACHE_HOME:-~/.cache}/toolops/models/all-MiniLM-L6-v2, where `make model` puts it.
            """
    )

    /// Lines handed to the tokenizer or the model at a time.
    static let batchSize = 32

    @Option(help: ArgumentHelp("The all-MiniLM-L6-v2 model directory.", valueName: "dir"))
    var model: String?

    @Flag(help: "Print token ids instead of embeddings.")
    var ids = false

    /// The command; ArgumentParser makes it.
    public init() {}

    /// Runs the command; a failure is thrown as a one-line ``CommandError``.
    public func run() async throws {
        try await reportingErrors {
            let environment = CommandEnvironment.current
            let directory = try MiniLMModelDirectory.resolve(model, environment: environment.variables)
            if ids {
                let tokenizer = try WordPieceTokenizer(modelDirectory: directory)
                try await EmbedBatches.run(from: environment.input, to: environment.output) { texts in
                    tokenizer.encode(texts).map(JSONArrayLine.ids)
                }
            } else {
                let embedder = try MiniLMEmbedder(directory: directory)
                try await EmbedBatches.run(from: environment.input, to: environment.output) { texts in
                    try await embedder.embed(texts).map(JSONArrayLine.floats)
                }
            }
        }
    }
}

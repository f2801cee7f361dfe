import Foundation

extension MiniLMModelDirectory {
    /// The model's folder name under `<cache>/models/`.
    public static let modelName = "all-MiniLM-L6-v2"

    /// Finds and checks the model directory: `explicit` when given, else `$TOOLOPS_MINILM_PATH`,
    /// else `$TOOLOPS_CACHE_DIR/models/all-MiniLM-L6-v2`, else
    /// `${XDG_CACHE_HOME:-~/.cache}/toolops/models/all-MiniLM-L6-v2` (where `make model` puts it).
    ///
    /// - Parameters:
    ///   - explicit: A path the caller was given (a `--model` option), or `nil`.
    ///   - environment: The environment variables to read; the process's by default.
    /// - Throws: ``MiniLMError``, as ``init(url:)``.
    public static func resolve(
        _ explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(MiniLMError) -> MiniLMModelDirectory {
        try MiniLMModelDirectory(url: location(explicit, environment: environment))
    }

    /// Where ``resolve(_:environment:)`` looks, without checking anything there.
    ///
    /// An empty variable counts as unset, as `${VAR:-default}` does in `scripts/model.sh`. A
    /// leading `~/` in any of the paths is the home directory (`$HOME`, else the user's).
    public static func location(_ explicit: String? = nil, environment: [String: String]) -> URL {
        func variable(_ name: String) -> String? {
            environment[name].flatMap { $0.isEmpty ? nil : $0 }
        }
        let home = variable("HOME") ?? FileManager.default.homeDirectoryForCurrentUser.path
        func expanded(_ path: String) -> URL {
            let full = path == "~" || path.hasPrefix("~/") ? home + path.dropFirst() : path
            return URL(fileURLWithPath: full, isDirectory: true)
        }
        if let explicit, !explicit.isEmpty { return expanded(explicit) }
        if let path = variable("TOOLOPS_MINILM_PATH") { return expanded(path) }
        let cache =
            variable("TOOLOPS_CACHE_DIR").map(expanded)
            ?? expanded(variable("XDG_CACHE_HOME") ?? "~/.cache").appendingPathComponent("toolops", isDirectory: true)
        return cache.appendingPathComponent("models", isDirectory: true).appendingPathComponent(
            modelName, isDirectory: true)
    }
}

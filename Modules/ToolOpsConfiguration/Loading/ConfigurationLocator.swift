import Foundation

/// Finds the configuration file: the path given, else `$TOOLOPS_CONFIG`, else `toolops.yaml` in
/// the working folder, else `$XDG_CONFIG_HOME/toolops/toolops.yaml` (or `~/.config/toolops/toolops.yaml`).
struct ConfigurationLocator {
    let environment: [String: String]
    /// The folder relative paths and `./toolops.yaml` are relative to.
    let workingDirectory: String
    /// Whether the working folder was given, rather than the process's: names in messages are
    /// then absolute, since they are not relative to where the user is.
    let workingDirectoryGiven: Bool

    init(environment: [String: String], workingDirectory: String?) {
        self.environment = environment
        self.workingDirectoryGiven = workingDirectory != nil
        self.workingDirectory = PathText.normalized(
            workingDirectory.map { $0.hasPrefix("/") ? $0 : FileManager.default.currentDirectoryPath + "/" + $0 }
                ?? FileManager.default.currentDirectoryPath)
    }

    /// A file to read: its name for messages, and its absolute path.
    struct Candidate: Equatable {
        let name: String
        let path: String
    }

    /// The file to read, `nil` when none of the usual places has one; an error when the path
    /// given, or `$TOOLOPS_CONFIG`, names a file that does not exist.
    func locate(path: String?) -> Result<Candidate?, ConfigurationError> {
        if let path {
            return explicit(path, via: nil)
        }
        if let named = environment["TOOLOPS_CONFIG"], !named.isEmpty {
            return explicit(named, via: "TOOLOPS_CONFIG")
        }
        return .success(searchPaths.first { FileManager.default.fileExists(atPath: $0.path) })
    }

    /// The places looked at when neither a path nor `$TOOLOPS_CONFIG` is given, in order.
    var searchPaths: [Candidate] {
        let local =
            workingDirectory == "/"
            ? "/" + ToolOpsConfiguration.fileName : workingDirectory + "/" + ToolOpsConfiguration.fileName
        var candidates = [Candidate(name: workingDirectoryGiven ? local : ToolOpsConfiguration.fileName, path: local)]
        if let folder = userConfigurationFolder {
            let path = folder + "/toolops/" + ToolOpsConfiguration.fileName
            candidates.append(Candidate(name: path, path: path))
        }
        return candidates
    }

    /// `$XDG_CONFIG_HOME` when absolute, else `$HOME/.config`.
    private var userConfigurationFolder: String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return PathText.normalized(xdg) }
        if let home = environment["HOME"], !home.isEmpty { return PathText.normalized(home + "/.config") }
        return nil
    }

    private func explicit(_ given: String, via variable: String?) -> Result<Candidate?, ConfigurationError> {
        let origin = variable.map { " (named by \($0))" } ?? ""
        switch PathText.resolve(given, home: environment["HOME"], base: workingDirectory) {
        case .success(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                return .failure(
                    ConfigurationError(
                        file: given,
                        message: "no such file\(origin); check the path, or create one with `toolops config init`"))
            }
            return .success(Candidate(name: given, path: path))
        case .failure(let failure):
            return .failure(
                ConfigurationError(file: given, message: ConfigurationReader.pathMessage(failure, text: given) + origin)
            )
        }
    }
}

import Foundation

extension ToolOpsConfiguration {
    /// Reads the configuration, applies the environment overrides and checks it, throwing the
    /// first mistake.
    ///
    /// The file is `path` when given (relative to `workingDirectory`; `~` is the home folder),
    /// else `$TOOLOPS_CONFIG`, else `toolops.yaml` in `workingDirectory`, else
    /// `$XDG_CONFIG_HOME/toolops/toolops.yaml` (`~/.config/toolops/toolops.yaml`); with none of
    /// them, the built-in defaults: stores `memory` (the default) and `file`, and ``source`` `nil`.
    /// A `path` or `$TOOLOPS_CONFIG` naming a missing file is an error. The environment
    /// variables that override the file are listed on ``ToolOpsConfiguration``.
    ///
    /// ```swift
    /// let configuration = try ToolOpsConfiguration.load()
    /// let pinned = try ToolOpsConfiguration.load(path: "deploy/toolops.yaml", environment: ["HOME": "/home/ada"])
    /// ```
    ///
    /// - Parameters:
    ///   - path: The file to read; `nil` to look in the usual places.
    ///   - environment: The variables to read overrides and `${VAR}` values from. Default: the process's.
    ///   - workingDirectory: The folder relative paths are relative to. Default: the process's.
    /// - Throws: ``ConfigurationError`` naming the file, line and key of the first mistake.
    public static func load(
        path: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String? = nil
    ) throws(ConfigurationError) -> ToolOpsConfiguration {
        try validate(path: path, environment: environment, workingDirectory: workingDirectory).get()
    }

    /// Reads and checks the configuration as ``load(path:environment:workingDirectory:)`` does,
    /// returning every mistake instead of throwing the first: what `toolops config check` shows.
    public static func validate(
        path: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String? = nil
    ) -> ConfigurationValidation {
        let locator = ConfigurationLocator(environment: environment, workingDirectory: workingDirectory)
        let candidate: ConfigurationLocator.Candidate?
        switch locator.locate(path: path) {
        case .success(let found): candidate = found
        case .failure(let error):
            return ConfigurationValidation(source: error.file, configuration: nil, problems: [error])
        }
        guard let candidate else {
            return ConfigurationLoader(environment: environment, locator: locator).validate(
                yaml: nil, source: nil, folder: nil)
        }
        switch ConfigurationFile.read(candidate) {
        case .success(let text):
            return ConfigurationLoader(environment: environment, locator: locator)
                .validate(yaml: text, source: candidate.name, folder: PathText.parent(of: candidate.path))
        case .failure(let error):
            return ConfigurationValidation(source: candidate.name, configuration: nil, problems: [error])
        }
    }

    /// Reads a configuration from YAML text, as if it were the file `source`; relative paths in
    /// it are relative to `source`'s folder (or `workingDirectory` without one).
    ///
    /// ```swift
    /// let configuration = try ToolOpsConfiguration(yaml: "default_store: memory", environment: [:])
    /// ```
    public init(
        yaml: String,
        source: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String? = nil
    ) throws(ConfigurationError) {
        self = try Self.validate(
            yaml: yaml, source: source, environment: environment, workingDirectory: workingDirectory
        )
        .get()
    }

    /// Checks YAML text as ``init(yaml:source:environment:workingDirectory:)`` reads it,
    /// returning every mistake.
    public static func validate(
        yaml: String,
        source: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String? = nil
    ) -> ConfigurationValidation {
        let locator = ConfigurationLocator(environment: environment, workingDirectory: workingDirectory)
        let folder = source.flatMap { source -> String? in
            guard
                case .success(let path) = PathText.resolve(
                    source, home: environment["HOME"], base: locator.workingDirectory)
            else { return nil }
            return PathText.parent(of: path)
        }
        return ConfigurationLoader(environment: environment, locator: locator)
            .validate(yaml: yaml, source: source, folder: folder)
    }

    /// The files looked for, in order, when no path is given and `$TOOLOPS_CONFIG` is not set
    /// (for messages such as "no configuration file in …").
    public static func searchPaths(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: String? = nil
    ) -> [String] {
        ConfigurationLocator(environment: environment, workingDirectory: workingDirectory).searchPaths.map(\.path)
    }
}

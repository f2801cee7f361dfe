/// The steps from YAML text to a checked configuration: compose, read, override, finish, check.
struct ConfigurationLoader {
    let environment: [String: String]
    let locator: ConfigurationLocator

    /// `yaml` `nil` means no file: the built-in defaults, with the environment's overrides.
    func validate(yaml: String?, source: String?, folder: String?) -> ConfigurationValidation {
        var reader = ConfigurationReader(
            file: source, environment: environment, baseDirectory: folder ?? locator.workingDirectory)
        if let yaml {
            switch YAMLDocument.compose(yaml, file: source) {
            case .success(let root): reader.read(root)
            case .failure(let error):
                return ConfigurationValidation(source: source, configuration: nil, problems: [error])
            }
        }
        var draft = reader.draft
        var overrides = EnvironmentOverrides(
            environment: environment, workingDirectory: locator.workingDirectory, file: source)
        overrides.apply(to: &draft)
        let (configuration, finishProblems, leftOut) = draft.finish(source: source, environment: environment)
        // A store left out for a problem already reported is not also "no stores" or an unknown default.
        var checks = ConfigurationChecks(
            configuration, origins: draft.origins, brokenStores: draft.brokenStores.union(leftOut))
        checks.checkStores()
        checks.checkTelemetry()
        // A key the reader already complained about needs no second message.
        let reported = Set(reader.problems.compactMap(\.key))
        let later = (finishProblems + checks.problems).filter { $0.key.map { !reported.contains($0) } ?? true }
        let problems = Self.ordered(reader.problems + overrides.problems + later)
        return ConfigurationValidation(
            source: source, configuration: problems.isEmpty ? configuration : nil, problems: problems,
            environmentOverrides: overrides.applied)
    }

    /// File problems by line (stable), then the others (environment variables) in the order found.
    static func ordered(_ problems: [ConfigurationError]) -> [ConfigurationError] {
        problems.enumerated().sorted { left, right in
            let l = left.element.line ?? Int.max
            let r = right.element.line ?? Int.max
            return l != r ? l < r : left.offset < right.offset
        }.map(\.element)
    }
}

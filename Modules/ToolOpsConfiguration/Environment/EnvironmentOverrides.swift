/// Applies the `TOOLOPS_*` environment variables to a draft, after the file and before defaults.
///
/// The variables and what they override are listed on ``ToolOpsConfiguration``. A value that is
/// wrong is a problem under the variable's name (`TOOLOPS_LOG_LEVEL: unknown log level 'loud'; …`).
struct EnvironmentOverrides {
    let environment: [String: String]
    /// What relative paths in variables are relative to.
    let workingDirectory: String
    /// The file name, for messages that point into it.
    let file: String?
    private(set) var problems: [ConfigurationError] = []
    /// The variables that changed something, in the order applied.
    private(set) var applied: [String] = []

    init(environment: [String: String], workingDirectory: String, file: String?) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.file = file
    }

    /// A set, non-empty variable.
    private mutating func value(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        applied.append(name)
        return value
    }

    private mutating func problem(_ variable: String, _ message: String) {
        problems.append(ConfigurationError(key: variable, message: message))
    }

    mutating func apply(to draft: inout ConfigurationDraft) {
        if let namespace = value("TOOLOPS_NAMESPACE") {
            draft.defaults.namespace = namespace
            draft.origins["defaults.namespace"] = .environment("TOOLOPS_NAMESPACE")
        }
        if let directory = value("TOOLOPS_CACHE_DIR") {
            applyCacheDirectory(directory, to: &draft)
        }
        if let url = value("TOOLOPS_POSTGRES_URL") {
            applyPostgresURL(url, to: &draft)
        }
        if let name = value("TOOLOPS_DEFAULT_STORE") {
            draft.defaultStore = name
            draft.origins["default_store"] = .environment("TOOLOPS_DEFAULT_STORE")
        }
        applyTelemetry(to: &draft)
    }

    private mutating func applyCacheDirectory(_ directory: String, to draft: inout ConfigurationDraft) {
        switch PathText.resolve(directory, home: environment["HOME"], base: workingDirectory) {
        case .success(let path):
            var stores = draft.stores ?? StoreDraft.builtIn
            for index in stores.indices where stores[index].type == "file" {
                stores[index].directory = path
                draft.origins["stores.\(stores[index].name).directory"] = .environment("TOOLOPS_CACHE_DIR")
            }
            draft.stores = stores
        case .failure(let failure):
            problem("TOOLOPS_CACHE_DIR", ConfigurationReader.pathMessage(failure, text: directory))
        }
    }

    private mutating func applyPostgresURL(_ url: String, to draft: inout ConfigurationDraft) {
        var stores = draft.stores ?? StoreDraft.builtIn
        if let index = stores.firstIndex(where: { $0.name == "postgres" }) {
            guard stores[index].type == "postgres" else {
                let line: String
                if case .line(let number?) = draft.origins["stores.postgres"], let file {
                    line = " (\(file):\(number))"
                } else {
                    line = ""
                }
                problem(
                    "TOOLOPS_POSTGRES_URL",
                    "sets the URL of the store named 'postgres', but that store is a \(stores[index].type) store\(line); "
                        + "rename that store, or unset TOOLOPS_POSTGRES_URL")
                return
            }
            stores[index].url = url
        } else if !draft.brokenStores.contains("postgres") {
            stores.append(StoreDraft(name: "postgres", type: "postgres", url: url))
            draft.origins["stores.postgres"] = .environment("TOOLOPS_POSTGRES_URL")
        }
        draft.origins["stores.postgres.url"] = .environment("TOOLOPS_POSTGRES_URL")
        draft.stores = stores
    }

    private mutating func applyTelemetry(to draft: inout ConfigurationDraft) {
        if let level = value("TOOLOPS_LOG_LEVEL") {
            if let parsed = ConfigurationReader.parseLogLevel(level) {
                draft.telemetry.logLevel = parsed
            } else {
                problem("TOOLOPS_LOG_LEVEL", ConfigurationReader.unknownLogLevelMessage(level))
            }
        }
        if let file = value("TOOLOPS_LOG_FILE") {
            if file == "stderr" {
                draft.telemetry.logFile = nil
            } else {
                switch PathText.resolve(file, home: environment["HOME"], base: workingDirectory) {
                case .success(let path):
                    draft.telemetry.logFile = path
                    draft.origins["telemetry.log_file"] = .environment("TOOLOPS_LOG_FILE")
                case .failure(let failure):
                    problem("TOOLOPS_LOG_FILE", ConfigurationReader.pathMessage(failure, text: file))
                }
            }
        }
        if let prefix = value("TOOLOPS_METRICS_PREFIX") {
            draft.telemetry.metricsPrefix = prefix
            draft.origins["telemetry.metrics_prefix"] = .environment("TOOLOPS_METRICS_PREFIX")
        }
        if let tracing = value("TOOLOPS_TRACING") {
            if let parsed = ConfigurationReader.parseBool(tracing) {
                draft.telemetry.tracing = parsed
            } else {
                problem("TOOLOPS_TRACING", "expected true or false, got '\(tracing)'")
            }
        }
    }
}

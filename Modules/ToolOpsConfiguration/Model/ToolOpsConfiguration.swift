import ToolOps

/// The configuration shared by the SDK and the `toolops` CLI: cache stores, tool defaults and
/// telemetry, read from `toolops.yaml` and overridden by environment variables.
///
/// ``load(path:environment:workingDirectory:)`` finds the file (the path given, else
/// `$TOOLOPS_CONFIG`, else `./toolops.yaml`, else `$XDG_CONFIG_HOME/toolops/toolops.yaml` or
/// `~/.config/toolops/toolops.yaml`, else the built-in defaults), checks every key, applies the
/// environment overrides and throws the first mistake as a one-line ``ConfigurationError``
/// (`toolops.yaml:12: stores.shared.url: …`). ``validate(path:environment:workingDirectory:)``
/// returns all of them, for `toolops config check`. ``exampleFile`` documents every key.
///
/// Environment variables override the file (empty counts as unset):
///
/// | variable | effect |
/// |---|---|
/// | `TOOLOPS_CONFIG` | the file to read when no path is given |
/// | `TOOLOPS_POSTGRES_URL` | the `url` of the store named `postgres`, which is added (a Postgres store) if missing |
/// | `TOOLOPS_DEFAULT_STORE` | `default_store` |
/// | `TOOLOPS_NAMESPACE` | `defaults.namespace`, and so the namespace of every store that sets none |
/// | `TOOLOPS_CACHE_DIR` | the `directory` of every file store |
/// | `TOOLOPS_LOG_LEVEL` | `telemetry.log_level` |
/// | `TOOLOPS_LOG_FILE` | `telemetry.log_file` (`stderr` or a path) |
/// | `TOOLOPS_METRICS_PREFIX` | `telemetry.metrics_prefix` |
/// | `TOOLOPS_TRACING` | `telemetry.tracing` (`true` or `false`) |
///
/// String values in the file may also name variables: `${VAR}` (an error when `VAR` is unset) or
/// `${VAR:-fallback}` (the fallback when `VAR` is unset or empty); `$${` writes a literal `${`.
///
/// Passwords in Postgres URLs never appear in ``description``, `dump`, errors or
/// ``renderedYAML(masked:)``.
///
/// ```swift
/// let configuration = try ToolOpsConfiguration.load()
/// let runtime = try ToolRuntime(configuration: configuration)
/// ```
public struct ToolOpsConfiguration: Sendable, Equatable {
    /// Every store, in file order.
    public var stores: [StoreConfiguration]
    /// The store tools use when they name none.
    public var defaultStore: String
    /// The namespace of stores that set none, and the TTLs of tools built with
    /// ``Defaults/readOnlyOptions(cache:)`` (no other tool's).
    public var defaults: Defaults
    /// Logs, metrics, statistics and tracing.
    public var telemetry: Telemetry
    /// The file this was read from; `nil` when built in code or when no file was found.
    public var source: String?

    /// A configuration built in code; by default one memory store, `"memory"`, the default store.
    ///
    /// Nothing is checked here: ``makeRegistry(clock:)`` checks what ``load(path:environment:workingDirectory:)``
    /// would have, and throws the first mistake.
    public init(
        stores: [StoreConfiguration] = [StoreConfiguration(name: "memory", kind: .memory())],
        defaultStore: String = "memory",
        defaults: Defaults = Defaults(),
        telemetry: Telemetry = Telemetry(),
        source: String? = nil
    ) {
        self.stores = stores
        self.defaultStore = defaultStore
        self.defaults = defaults
        self.telemetry = telemetry
        self.source = source
    }

    /// The store named `name`, if configured.
    public func store(named name: String) -> StoreConfiguration? {
        stores.first { $0.name == name }
    }

    /// The name of the configuration file looked for in the working and configuration folders.
    public static let fileName = "toolops.yaml"
}

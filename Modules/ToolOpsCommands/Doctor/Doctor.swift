import ToolOps
import ToolOpsConfiguration

/// What `toolops doctor` does: every check, each bounded in time, gathered into a report.
struct Doctor: Sendable {
    /// The longest one step (connecting, migrating, the probe) may take.
    let timeLimit: Duration
    /// What the time limits sleep on and the checks are timed with (the environment's).
    let clock: any ToolClock

    /// Checks the configuration, libpq, every store (or only `selected`) and the breakers, then
    /// lets the application shut down the stores it opened (``CommandContext/shutdown()``).
    ///
    /// - Throws: ``CommandError`` only for a usage mistake (an unknown `selected` store); every
    ///   problem of the system itself is a failed check in the report.
    func examine(
        options: ConfigurationOptions, store selected: String?, environment: CommandEnvironment
    ) async throws -> DoctorReport {
        var checks: [HealthCheck] = []
        var configuration: ToolOpsConfiguration?
        checks.append(
            await check("configuration") {
                let loaded = try options.load(environment)
                configuration = loaded
                let names = loaded.stores.map { "'\($0.name)'" }.joined(separator: ", ")
                return (
                    .ok,
                    "\(loaded.source ?? "no file; built-in defaults"): stores \(names), "
                        + "default '\(loaded.defaultStore)'"
                )
            })
        guard let configuration else { return DoctorReport(checks: checks) }
        var runtime: ToolRuntime?
        checks.append(
            await check("stores set up") {
                let application = environment.application
                let built = try await withTimeLimit(timeLimit, clock: clock) {
                    try await application.makeRuntime(configuration: configuration)
                }
                runtime = built
                return (.ok, "\(built.stores.names.count) stores registered, \(built.tools.count) tools")
            })
        guard let runtime else { return DoctorReport(checks: checks) }
        let context = CommandContext(configuration: configuration, runtime: runtime, environment: environment)
        let names: [String]
        do {
            names = try context.storeNames(selecting: selected)
        } catch {
            await context.shutdown()
            throw error
        }
        checks.append(libpq())
        for name in names {
            checks += await storeChecks(name, context: context)
        }
        checks.append(breakers(runtime))
        await context.shutdown()
        return DoctorReport(checks: checks)
    }

    /// Runs `body` as the check `name`, timing it; a thrown error is a failed check whose detail
    /// is `failurePrefix: reason`.
    func check(
        _ name: String, store: String? = nil, failurePrefix: String? = nil,
        _ body: () async throws -> (HealthCheck.Status, String)
    ) async -> HealthCheck {
        let start = clock.now()
        do {
            let (status, detail) = try await body()
            return HealthCheck(
                name: name, store: store, status: status, detail: detail, duration: start.duration(to: clock.now()))
        } catch {
            let reason = CommandError.reason(of: error)
            return HealthCheck(
                name: name, store: store, status: .fail,
                detail: failurePrefix.map { "\($0): \(reason)" } ?? reason, duration: start.duration(to: clock.now()))
        }
    }

    /// The libpq this process is linked with.
    private func libpq() -> HealthCheck {
        HealthCheck(
            name: "libpq", status: .ok, detail: "libpq \(PostgresClient.libraryVersion) (PostgreSQL client library)",
            duration: .zero)
    }

    /// The circuit breakers of the runtime's tools: a warning for any not closed.
    private func breakers(_ runtime: ToolRuntime) -> HealthCheck {
        let states = runtime.breakers.states
        guard !states.isEmpty else {
            let detail =
                runtime.tools.isEmpty
                ? "none in this process (an app's breakers show when it mounts these commands)"
                : "none created yet"
            return HealthCheck(name: "circuit breakers", status: .ok, detail: detail, duration: .zero)
        }
        let troubled = states.filter { $0.value != .closed }.sorted { $0.key.description < $1.key.description }
        guard !troubled.isEmpty else {
            return HealthCheck(
                name: "circuit breakers", status: .ok, detail: "\(states.count) closed", duration: .zero)
        }
        let list = troubled.map { "\($0.key) \($0.value == .open ? "open" : "half-open")" }.joined(separator: ", ")
        return HealthCheck(name: "circuit breakers", status: .warn, detail: list, duration: .zero)
    }
}

import ArgumentParser

/// `toolops doctor`: checks the configuration, every store, libpq and the circuit breakers.
public struct DoctorCommand: AsyncParsableCommand {
    /// The command's name, abstract and help text.
    public static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the configuration, every store and the circuit breakers; exit non-zero if anything fails.",
        discussion: """
            Each store is opened, and a PostgreSQL store is connected to and its schema version \
            checked; then a probe entry (tool `toolops.doctor`) is written, read back and deleted. \
            Each step is bounded by --timeout, so a dead server fails in seconds with the reason: \
            "store 'shared' (postgres at 127.0.0.1:5432/toolops): connection refused". Each check \
            reports a status (ok, warn, fail), a detail and its duration. The exit status is 1 \
            when a check fails, so --json suits CI jobs and health endpoints.
            """
    )

    @OptionGroup var options: ConfigurationOptions

    @Option(help: ArgumentHelp("Check only this store.", valueName: "name"))
    var store: String?

    @Option(help: ArgumentHelp("The longest each step may take, in seconds (0.001-3600).", valueName: "seconds"))
    var timeout = 5.0

    @Flag(help: "Print the report as JSON.")
    var json = false

    /// The command; ArgumentParser makes it.
    public init() {}

    /// Rejects option values that cannot work, before anything is read.
    public func validate() throws {
        // Steps are timed to the millisecond, so anything under one would be no time at all.
        guard timeout.isFinite, timeout >= 0.001, timeout <= 3600 else {
            throw ValidationError("--timeout must be from 0.001 to 3600 seconds, got \(timeout).")
        }
    }

    /// Runs the command; a failure is thrown as a one-line ``CommandError``.
    public func run() async throws {
        try await reportingErrors {
            let environment = CommandEnvironment.current
            let doctor = Doctor(timeLimit: .milliseconds(Int64((timeout * 1000).rounded())), clock: environment.clock)
            let report = try await doctor.examine(options: options, store: store, environment: environment)
            let output = environment.output
            output.line(json ? try JSONText.encode(report) : doctor.table(report))
            if !report.healthy { throw ExitCode.failure }
        }
    }
}

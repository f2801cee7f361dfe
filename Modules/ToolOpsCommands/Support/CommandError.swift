import ArgumentParser
import ToolOps
import ToolOpsConfiguration

/// A mistake or failure a command reports as one line on standard error, exiting with status 1.
///
/// Every error a command throws is one of these, an `ArgumentParser` `ValidationError`, or an
/// `ExitCode`: never a Swift error dump, never a stack trace. The message says what was wrong
/// (which store, file, key or option) and, where it helps, what to do.
///
/// ```swift
/// throw CommandError("unknown store 'shraed'; configured stores: 'file', 'memory'")
/// ```
public struct CommandError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message, on one line.
    public let message: String

    /// An error with `message`, its line breaks folded into spaces.
    public init(_ message: String) {
        self.message = message.oneLine
    }

    /// The message.
    public var description: String { message }

    /// `error` as a one-line command error, prefixed with `context` when given; errors that are
    /// already fit to show (``CommandError``, `ValidationError`, `ExitCode`, `CleanExit`) pass
    /// through.
    static func wrapping(_ error: any Error, context: String? = nil) -> any Error {
        if error is CommandError || error is ValidationError || error is ExitCode || error is CleanExit {
            return error
        }
        let prefix = context.map { $0 + ": " } ?? ""
        return CommandError(prefix + reason(of: error))
    }

    /// What went wrong, in one line and without the error's type: the text to put after a colon.
    static func reason(of error: any Error) -> String {
        switch error {
        case let error as CommandError: error.message
        case let error as ConfigurationError: error.description
        case let error as ToolError: error.message + (error.field.map { " (field '\($0)')" } ?? "")
        case let error as CacheStoreError: error.message
        case let error as PostgresError: PostgresFailure.summary(of: error)
        case let error as TimeLimitExceeded: error.description
        case let error as any CustomStringConvertible: error.description.oneLine
        default: "\(type(of: error)) error"
        }
    }
}

/// Runs a command's body, turning whatever it throws into a one-line ``CommandError``.
func reportingErrors(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch {
        throw CommandError.wrapping(error)
    }
}

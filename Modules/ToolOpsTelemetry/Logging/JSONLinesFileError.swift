#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A log file that could not be opened: which path, the operating system's reason, and what to do.
///
/// Thrown by ``FileDescriptorSink/init(appendingTo:)`` and ``JSONLinesLogHandler/file(path:label:configuration:metadataProvider:)``
/// at setup time, so a bad path is reported once instead of every log line being lost.
///
/// ```swift
/// do {
///     let sink = try FileDescriptorSink(appendingTo: "/var/log/toolops/calls.jsonl")
/// } catch {
///     print(error)
///     // cannot open log file '/var/log/toolops/calls.jsonl' for appending: No such file or
///     // directory (errno 2). Create the folder first, or choose another path.
/// }
/// ```
public struct JSONLinesFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path that was given.
    public let path: String
    /// The `errno` that `open(2)` set, such as `ENOENT` or `EACCES`.
    public let errorNumber: Int32
    /// The operating system's reason, such as `No such file or directory`.
    public let reason: String

    init(path: String, errorNumber: Int32) {
        self.path = path
        self.errorNumber = errorNumber
        self.reason = String(cString: strerror(errorNumber))
    }

    /// What the user can do about ``errorNumber``.
    var advice: String {
        switch errorNumber {
        case ENOENT: "Create the folder first, or choose another path."
        case EACCES, EPERM: "Check the permissions of the file and its folder, or choose a path you can write."
        case EISDIR: "The path is a folder; give the name of a file inside it."
        case EROFS: "The file system is read-only; choose another path."
        default: "Choose another path."
        }
    }

    /// `cannot open log file '/tmp/x/calls.jsonl' for appending: No such file or directory (errno 2). …`
    public var description: String {
        "cannot open log file '\(path)' for appending: \(reason) (errno \(errorNumber)). \(advice)"
    }
}

/// Why a semantic store could not read or write its log.
///
/// The message names the file and what to do about it, so it can be shown as is.
///
/// ```swift
/// do {
///     _ = try FileSemanticStore(configuration: .init(file: url))
/// } catch where error.code == .notWritable {
///     print(error)  // semantic store '/var/cache/agent/semantic.log': directory is not writable …
/// }
/// ```
public struct SemanticStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        fileprivate let name: String

        /// The directory or file cannot be created or written by this user.
        public static let notWritable = Code(name: "not writable")
        /// Something other than a regular file (a directory, a symbolic link) is at the path.
        public static let notAFile = Code(name: "not a file")
        /// The log was written by a newer format than this build reads.
        public static let unsupportedFormat = Code(name: "unsupported format")
        /// A setting is out of range.
        public static let invalidConfiguration = Code(name: "invalid configuration")
        /// A read, write, lock or rename failed.
        public static let ioFailed = Code(name: "I/O failed")

        public var description: String { name }
    }

    /// The kind of failure.
    public let code: Code
    /// The log file's path.
    public let path: String
    /// What went wrong and what to do.
    public let message: String

    /// An error of `code` about the log at `path`.
    public init(_ code: Code, path: String, _ message: String) {
        self.code = code
        self.path = path
        self.message = message
    }

    public var description: String { "semantic store '\(path)': \(code): \(message)" }
}

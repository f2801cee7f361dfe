import Logging

extension JSONLinesLogHandler {
    /// A handler writing to standard error — the same as ``init(label:)``, with options.
    ///
    /// ```swift
    /// LoggingSystem.bootstrap({ label, provider in
    ///     JSONLinesLogHandler.standardError(label: label, metadataProvider: provider)
    /// }, metadataProvider: .init { ["request": "\(RequestID.current)"] })
    /// ```
    public static func standardError(
        label: String,
        configuration: Configuration = Configuration(),
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) -> JSONLinesLogHandler {
        JSONLinesLogHandler(
            label: label,
            sink: FileDescriptorSink.standardError,
            configuration: configuration,
            metadataProvider: metadataProvider
        )
    }

    /// A handler writing to standard output.
    ///
    /// Only for programs whose standard output carries nothing else: a CLI's results and the MCP
    /// stdio transport would be corrupted by log lines.
    ///
    /// ```swift
    /// LoggingSystem.bootstrap { label in JSONLinesLogHandler.standardOutput(label: label) }
    /// ```
    public static func standardOutput(
        label: String,
        configuration: Configuration = Configuration(),
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) -> JSONLinesLogHandler {
        JSONLinesLogHandler(
            label: label,
            sink: FileDescriptorSink.standardOutput,
            configuration: configuration,
            metadataProvider: metadataProvider
        )
    }

    /// A handler appending to the file at `path`, created with mode 0600 if it does not exist.
    ///
    /// Each call opens the file again; to log from many labels into one file, open a
    /// ``FileDescriptorSink`` once and pass it to ``init(label:sink:configuration:metadataProvider:)``.
    ///
    /// ```swift
    /// let handler = try JSONLinesLogHandler.file(path: "toolops.jsonl", label: "toolops")
    /// let logger = Logger(label: "toolops") { _ in handler }
    /// ```
    ///
    /// - Throws: ``JSONLinesFileError`` naming the path and the operating system's reason.
    public static func file(
        path: String,
        label: String,
        configuration: Configuration = Configuration(),
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) throws(JSONLinesFileError) -> JSONLinesLogHandler {
        JSONLinesLogHandler(
            label: label,
            sink: try FileDescriptorSink(appendingTo: path),
            configuration: configuration,
            metadataProvider: metadataProvider
        )
    }
}

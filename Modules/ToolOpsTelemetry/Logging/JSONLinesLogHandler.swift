import Logging
import ToolOpsCore

/// A swift-log backend that writes every record as one line of compact JSON ("JSON Lines").
///
/// For programs that have no logging backend of their own. Each record is a single line with the
/// fixed fields first, in this order, and the metadata after them at the top level, keys sorted:
///
/// ```json
/// {"ts":"2026-11-21T22:10:03.123456Z","level":"info","label":"toolops","msg":"cache miss","source":"ToolOpsCache","tool":"get_weather"}
/// ```
///
/// - `ts`: the time from ``Configuration-swift.struct/clock``, UTC, ISO 8601 with microseconds.
/// - `level`: `trace`, `debug`, `info`, `notice`, `warning`, `error` or `critical`.
/// - `label`: the logger's label. `msg`: the message. `source`: the emitting module.
/// - Metadata: `.string` and `.stringConvertible` values become JSON strings, `.array` and
///   `.dictionary` values JSON arrays and objects. Handler metadata is overridden by the metadata
///   provider's, which is overridden by the call's, as in swift-log's `StreamLogHandler`; an error
///   passed to the call adds `error.message` and `error.type`.
/// - A metadata key equal to a fixed field's name (`ts`, `level`, `label`, `msg`, `source`) never
///   replaces it: it is written with a `_` prefix (`"_msg"`), with more underscores if the call's
///   metadata already uses that name.
///
/// Lines go to standard error unless you choose another ``JSONLinesSink`` — never to standard output
/// by default, which belongs to a CLI's results and to the MCP stdio transport.
///
/// ```swift
/// LoggingSystem.bootstrap { label in JSONLinesLogHandler(label: label) }
///
/// let sink = try FileDescriptorSink(appendingTo: "toolops.jsonl")
/// LoggingSystem.bootstrap { label in JSONLinesLogHandler(label: label, sink: sink) }
/// ```
public struct JSONLinesLogHandler: LogHandler {
    /// The logger's label, written as `label` on every line.
    public let label: String

    /// The lowest level written; records below it are dropped. `.info` unless configured.
    public var logLevel: Logger.Level

    /// Metadata written on every line of this handler (and of loggers copied from it).
    public var metadata: Logger.Metadata = [:]

    /// Metadata gathered at each log call, for example from task-local values.
    public var metadataProvider: Logger.MetadataProvider?

    private let sink: any JSONLinesSink
    private let clock: any ToolClock

    /// A handler writing to standard error, with the metadata provider from `LoggingSystem`.
    ///
    /// ```swift
    /// LoggingSystem.bootstrap { label in JSONLinesLogHandler(label: label) }
    /// ```
    public init(label: String) {
        self.init(label: label, sink: FileDescriptorSink.standardError)
    }

    /// A handler writing to `sink`.
    ///
    /// Create the sink once and share it between handlers, so that all of them write through the
    /// same descriptor and lock.
    ///
    /// ```swift
    /// let sink = try FileDescriptorSink(appendingTo: "toolops.jsonl")
    /// let logger = Logger(label: "toolops") { JSONLinesLogHandler(label: $0, sink: sink) }
    /// ```
    public init(
        label: String,
        sink: any JSONLinesSink,
        configuration: Configuration = Configuration(),
        metadataProvider: Logger.MetadataProvider? = LoggingSystem.metadataProvider
    ) {
        self.label = label
        self.sink = sink
        self.clock = configuration.clock
        self.logLevel = configuration.logLevel
        self.metadataProvider = metadataProvider
    }

    /// Reads or changes one key of ``metadata``.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Formats `event` as one JSON line and hands it to the sink, unless it is below ``logLevel``.
    public func log(event: LogEvent) {
        // `Logger` checks the level already; this guards handlers called directly (multiplexers).
        guard event.level >= logLevel else { return }
        let line = Self.line(
            timestamp: clock.now(),
            level: event.level,
            label: label,
            message: event.message.description,
            source: event.source,
            metadata: effectiveMetadata(for: event)
        )
        sink.write(line: line)
    }
}

import Logging
import ToolOpsCore

extension JSONLinesLogHandler {
    /// How a ``JSONLinesLogHandler`` starts out: its clock and its initial level.
    ///
    /// ```swift
    /// let handler = JSONLinesLogHandler(
    ///     label: "toolops",
    ///     sink: FileDescriptorSink.standardError,
    ///     configuration: .init(logLevel: .debug)
    /// )
    /// ```
    public struct Configuration: Sendable {
        /// Where each line's `ts` comes from; inject `ManualClock` in tests for exact lines.
        public var clock: any ToolClock

        /// The initial ``JSONLinesLogHandler/logLevel``.
        public var logLevel: Logger.Level

        /// The system clock and level `.info`, unless given.
        public init(clock: any ToolClock = SystemClock(), logLevel: Logger.Level = .info) {
            self.clock = clock
            self.logLevel = logLevel
        }
    }
}

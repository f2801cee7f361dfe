import ToolOps

extension DemoRunner {
    /// Where a run is, for a progress line: `[ToolOps] 312/600 calls · t=31.2s · outage!`.
    public struct Progress: Sendable, Equatable, CustomStringConvertible {
        /// Which run this is: `"ToolOps"` for the run through ToolOps, `"without"` for the baseline.
        public let run: String
        /// How many agent calls have returned so far in this run.
        public let completed: Int
        /// How many agent calls this run makes in all.
        public let total: Int
        /// Virtual time since this run started.
        public let elapsed: Duration
        /// Whether ``elapsed`` falls in the outage window.
        public let outage: Bool

        /// The progress as one line of text: `[ToolOps] 312/600 calls · t=31.2s · outage!`.
        public var description: String {
            let seconds = DemoReport.formatNumber(elapsed.seconds, decimals: 1)
            var text = "[\(run)] \(completed)/\(total) calls · t=\(seconds)s"
            if outage { text += " · outage!" }
            return text
        }
    }
}

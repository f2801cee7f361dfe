extension FileSemanticStore {
    /// What a ``FileSemanticStore`` instance has seen: a health check for the log.
    public struct Statistics: Sendable, Hashable {
        /// Lines skipped because they could not be parsed (a crash mid-write, an edit by hand).
        /// Each is counted once per read that passes it: a full reload counts old ones again.
        public var corruptLines = 0
        /// Compactions this instance ran.
        public var compactions = 0
        /// Times ``FileSemanticStore/changes(after:)`` was given a cursor from before a compaction
        /// (or of another log) and answered with a full reload.
        public var reloads = 0

        /// Counters with the given values (all zero by default).
        public init(corruptLines: Int = 0, compactions: Int = 0, reloads: Int = 0) {
            self.corruptLines = corruptLines
            self.compactions = compactions
            self.reloads = reloads
        }
    }
}

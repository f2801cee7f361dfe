import ToolOpsCore

extension PostgresSemanticStore {
    /// Purges removed rows and expired records older than ``Configuration/retention``, in
    /// batches; returns how many rows it deleted.
    ///
    /// Run it now and then from one process (several at once is safe, only wasteful). A reader
    /// whose cursor predates a purged row reloads everything on its next
    /// ``changes(after:)``, so keep the retention well above the interval at which readers poll.
    @discardableResult
    public func sweep() async throws(PostgresError) -> Int {
        let horizon = configuration.clock.now().advanced(by: .zero - configuration.retention)
        return try await guarded { () throws(PostgresError) in
            var purged = 0
            while true {
                let batch = try await self.client.execute(
                    self.sql.sweep,
                    [.int64(horizon.nanosecondsSinceEpoch), .int64(Int64(self.configuration.batchSize))]
                ).single().int()
                purged += Int(batch)
                if batch < self.configuration.batchSize { return purged }
            }
        }
    }
}

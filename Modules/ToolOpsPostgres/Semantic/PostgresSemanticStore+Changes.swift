import ToolOpsCore

extension PostgresSemanticStore {
    /// The changes after `cursor`, or every live record (after `.invalidated(.all)` when the
    /// cursor is older than the sweep horizon).
    func readChanges(after cursor: SemanticCursor?) async throws(PostgresError) -> SemanticChanges {
        let now = configuration.clock.now()
        guard let cursor else { return try await loadAll(now: now) }
        let batch = try await rows(sql.changes, after: cursor.position, now: now)
        // Read after the rows: a sweep that purged rows after our cursor before that read has
        // moved the horizon past the cursor by now (both happen in one statement).
        let purged = try await client.execute(sql.purgedThrough).single().int()
        if purged > cursor.position {
            var reload = try await loadAll(now: now)
            reload.changes.insert(.invalidated(.all), at: 0)
            return reload
        }
        let changes = batch.changes.filter { change in
            if case .inserted(let record) = change { return record.staleUntil > now }
            return true
        }
        return SemanticChanges(changes: changes, cursor: SemanticCursor(position: batch.last ?? cursor.position))
    }

    /// Every live record, and the cursor after them.
    ///
    /// The newest `seq` is read first: every row up to it is committed, and any row changed
    /// later gets a larger one, so the live rows read next are exactly those live at that point
    /// plus later ones. Past one batch, the rest is read as changes (removals included), which
    /// keeps the result exact while other processes write.
    private func loadAll(now: Timestamp) async throws(PostgresError) -> SemanticChanges {
        let top = try await client.execute(sql.top).single().int()
        var result = try await rows(sql.live, after: 0, now: now)
        var changes = result.changes
        var position = result.last ?? 0
        while result.changes.count == configuration.batchSize {
            result = try await rows(sql.changes, after: position, now: now)
            changes += result.changes.filter { change in
                if case .inserted(let record) = change { return record.staleUntil > now }
                return true
            }
            position = result.last ?? position
        }
        return SemanticChanges(changes: changes, cursor: SemanticCursor(position: max(top, position)))
    }

    /// One batch of rows after `position`, as changes, with the last row's `seq`.
    private func rows(
        _ statement: PostgresStatement, after position: Int64, now: Timestamp
    ) async throws(PostgresError) -> (changes: [SemanticChange], last: Int64?) {
        var binds: [PostgresBind] = [.int64(position), .int64(Int64(configuration.batchSize))]
        if statement == sql.live { binds.append(.int64(now.nanosecondsSinceEpoch)) }
        let found = try await client.execute(statement, binds)
        var changes: [SemanticChange] = []
        var last: Int64?
        for row in found.rows {
            let (seq, change) = try SemanticRow.change(row)
            changes.append(change)
            last = seq
        }
        return (changes, last)
    }
}

/// The rows a statement returned, decoded from PostgreSQL's binary format, plus the number of
/// rows it changed.
public struct PostgresRows: Sendable {
    /// The column names, in order.
    public let columns: [String]
    /// The rows; each has one cell per column.
    public let rows: [[PostgresCell]]
    /// Rows inserted, updated or deleted (from the command tag), or 0.
    public let affectedRows: Int

    public init(columns: [String], rows: [[PostgresCell]], affectedRows: Int) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    /// The number of rows.
    public var count: Int { rows.count }
    /// Whether there are no rows.
    public var isEmpty: Bool { rows.isEmpty }

    /// The only cell of a one-row, one-column result (`SELECT count(*) …`).
    public func single() throws(PostgresError) -> PostgresCell {
        guard rows.count == 1, columns.count == 1 else {
            throw PostgresError(
                .unexpectedResult, "expected one row of one column, got \(rows.count) rows of \(columns.count)")
        }
        return rows[0][0]
    }
}

/// One value of a result row.
public enum PostgresCell: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case text(String)
    case bytes([UInt8])
    case textArray([String])
    /// A type this client does not decode: its type OID and binary form.
    case other(oid: UInt32, bytes: [UInt8])

    /// The integer, or a typed error naming what the cell holds instead.
    public func int() throws(PostgresError) -> Int64 {
        guard case .int(let value) = self else { throw mismatch("an integer") }
        return value
    }

    /// The text, or a typed error.
    public func text() throws(PostgresError) -> String {
        guard case .text(let value) = self else { throw mismatch("text") }
        return value
    }

    /// The bytes, or a typed error.
    public func bytes() throws(PostgresError) -> [UInt8] {
        guard case .bytes(let value) = self else { throw mismatch("bytea") }
        return value
    }

    /// The boolean, or a typed error.
    public func bool() throws(PostgresError) -> Bool {
        guard case .bool(let value) = self else { throw mismatch("a boolean") }
        return value
    }

    /// The array of text (an SQL `NULL` element is skipped), or a typed error.
    public func textArray() throws(PostgresError) -> [String] {
        guard case .textArray(let value) = self else { throw mismatch("text[]") }
        return value
    }

    private func mismatch(_ expected: String) -> PostgresError {
        PostgresError(.unexpectedResult, "expected \(expected), got \(self)")
    }
}

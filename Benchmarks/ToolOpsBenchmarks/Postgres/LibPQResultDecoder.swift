import CLibPQ
import ToolOps

/// Turns a binary-format `PGresult` into ``PostgresRows`` the way ``PostgresClient`` does (the
/// library's decoder is internal), so the I/O-model comparison does the same work per result.
enum LibPQResultDecoder {
    static func rows(_ result: OpaquePointer) -> PostgresRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        let types = (0..<columnCount).map { PQftype(result, Int32($0)) }
        var rows: [[PostgresCell]] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<Int32(rowCount) {
            var cells: [PostgresCell] = []
            cells.reserveCapacity(columnCount)
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) == 1 {
                    cells.append(.null)
                    continue
                }
                let raw = UnsafeRawBufferPointer(
                    start: PQgetvalue(result, row, column), count: Int(PQgetlength(result, row, column)))
                cells.append(cell(raw, oid: types[Int(column)]))
            }
            rows.append(cells)
        }
        let tuples = PQcmdTuples(result).map { String(cString: $0) } ?? ""
        return PostgresRows(columns: columns, rows: rows, affectedRows: Int(tuples) ?? 0)
    }

    /// The types the cache reads: `int8`, `int4`, `text`, `bytea`, `text[]`.
    private static func cell(_ raw: UnsafeRawBufferPointer, oid: UInt32) -> PostgresCell {
        switch oid {
        case 20 where raw.count == 8: .int(Int64(bigEndian: raw.loadUnaligned(as: Int64.self)))
        case 23 where raw.count == 4: .int(Int64(Int32(bigEndian: raw.loadUnaligned(as: Int32.self))))
        case 25: .text(String(decoding: raw, as: UTF8.self))
        case 17: .bytes(Array(raw))
        case 1009: textArray(raw).map(PostgresCell.textArray) ?? .other(oid: oid, bytes: Array(raw))
        default: .other(oid: oid, bytes: Array(raw))
        }
    }

    /// A one-dimensional `text[]`: dimensions, flags, element type, (size, lower bound), then
    /// each element as a length and its bytes.
    private static func textArray(_ raw: UnsafeRawBufferPointer) -> [String]? {
        var offset = 0
        func int32() -> Int32? {
            guard offset + 4 <= raw.count else { return nil }
            defer { offset += 4 }
            return Int32(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self))
        }
        guard let dimensions = int32(), int32() != nil, int32() != nil else { return nil }
        if dimensions == 0 { return [] }
        guard dimensions == 1, let size = int32(), int32() != nil, size >= 0 else { return nil }
        var elements: [String] = []
        for _ in 0..<size {
            guard let length = int32() else { return nil }
            if length < 0 { continue }
            guard offset + Int(length) <= raw.count else { return nil }
            elements.append(String(decoding: raw[offset..<(offset + Int(length))], as: UTF8.self))
            offset += Int(length)
        }
        return elements
    }
}

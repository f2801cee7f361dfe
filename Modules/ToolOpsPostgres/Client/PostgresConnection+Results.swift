import CLibPQ

extension PostgresConnection {
    /// Turns a finished `PGresult` into rows or a typed error. Does not free it.
    static func rows(from result: OpaquePointer, connection: OpaquePointer) throws(PostgresError) -> PostgresRows {
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY, PGRES_SINGLE_TUPLE:
            return decode(result)
        default:
            let sqlState = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = PQresultErrorMessage(result).map { String(cString: $0) } ?? "unknown error"
            let lost = PQstatus(connection) != CONNECTION_OK
            throw PostgresError(
                lost ? .connectionLost : (sqlState == "55P03" ? .lockTimeout : .statementFailed),
                ConnectionString.mask(message.trimmingSpaces),
                sqlState: sqlState
            )
        }
    }

    private static func decode(_ result: OpaquePointer) -> PostgresRows {
        let rowCount = Int(PQntuples(result))
        let columnCount = Int(PQnfields(result))
        let columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        let types = (0..<columnCount).map { PQftype(result, Int32($0)) }
        let binary = (0..<columnCount).map { PQfformat(result, Int32($0)) == 1 }
        var rows: [[PostgresCell]] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var cells: [PostgresCell] = []
            cells.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    cells.append(.null)
                    continue
                }
                let length = Int(PQgetlength(result, Int32(row), Int32(column)))
                let raw = UnsafeRawBufferPointer(
                    start: PQgetvalue(result, Int32(row), Int32(column)), count: length)
                cells.append(
                    binary[column]
                        ? BinaryCellDecoder.decode(raw, oid: types[column])
                        : .text(String(decoding: raw, as: UTF8.self)))
            }
            rows.append(cells)
        }
        let tuples = PQcmdTuples(result).map { String(cString: $0) } ?? ""
        return PostgresRows(columns: columns, rows: rows, affectedRows: Int(tuples) ?? 0)
    }
}

/// PostgreSQL's binary wire formats for the types ToolOps reads.
enum BinaryCellDecoder {
    static func decode(_ raw: UnsafeRawBufferPointer, oid: UInt32) -> PostgresCell {
        switch oid {
        case 16: return .bool(raw.first == 1)
        case 20 where raw.count == 8: return .int(Int64(bigEndian: raw.loadUnaligned(as: Int64.self)))
        case 23 where raw.count == 4: return .int(Int64(Int32(bigEndian: raw.loadUnaligned(as: Int32.self))))
        case 21 where raw.count == 2: return .int(Int64(Int16(bigEndian: raw.loadUnaligned(as: Int16.self))))
        case 26 where raw.count == 4: return .int(Int64(UInt32(bigEndian: raw.loadUnaligned(as: UInt32.self))))
        case 701 where raw.count == 8:
            return .double(Double(bitPattern: UInt64(bigEndian: raw.loadUnaligned(as: UInt64.self))))
        case 700 where raw.count == 4:
            return .double(Double(Float(bitPattern: UInt32(bigEndian: raw.loadUnaligned(as: UInt32.self)))))
        case 25, 1043, 19, 1042, 705: return .text(String(decoding: raw, as: UTF8.self))
        case 17: return .bytes(Array(raw))
        case 2278: return .null  // void
        case 1009, 1015: return textArray(raw).map(PostgresCell.textArray) ?? .other(oid: oid, bytes: Array(raw))
        default: return .other(oid: oid, bytes: Array(raw))
        }
    }

    /// A one-dimensional array of text: ndim, flags, element type, (size, lower bound) per
    /// dimension, then each element as a length (-1 for NULL) and its bytes.
    static func textArray(_ raw: UnsafeRawBufferPointer) -> [String]? {
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
        elements.reserveCapacity(Int(size))
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

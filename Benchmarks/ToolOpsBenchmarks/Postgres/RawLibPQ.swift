import CLibPQ

/// One blocking libpq connection and nothing around it: the floor the client is measured against.
///
/// Not thread-safe: each instance is used by one dedicated thread at a time (never the
/// cooperative pool), which is all libpq asks.
final class RawLibPQConnection: @unchecked Sendable {
    /// The `PGconn`, for callers that drive it themselves (``AsyncLibPQDriver``,
    /// ``ThreadPerConnectionDriver``).
    let handle: OpaquePointer

    /// Connects (blocking).
    init(url: String) throws {
        guard let handle = PQconnectdb(url) else { throw ScenarioFailure("PQconnectdb: out of memory") }
        guard PQstatus(handle) == CONNECTION_OK else {
            let message = String(cString: PQerrorMessage(handle))
            PQfinish(handle)
            throw ScenarioFailure("raw libpq connection failed: \(message)")
        }
        self.handle = handle
    }

    deinit { PQfinish(handle) }

    /// Prepares `sql` as `name`, letting the server infer the parameter types, as the client does.
    func prepare(_ name: String, _ sql: String) throws {
        let result = PQprepare(handle, name, sql, 0, nil)
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_COMMAND_OK else {
            throw ScenarioFailure("PQprepare failed: \(String(cString: PQerrorMessage(handle)))")
        }
    }

    /// Runs prepared statement `name` with binary results; returns the row count and the length
    /// of the first row's first column (so the result is read, not just received).
    @discardableResult
    func execute(_ name: String, _ parameters: RawParameters) throws -> (rows: Int, firstLength: Int) {
        let result = PQexecPrepared(
            handle, name, parameters.count, parameters.values, parameters.lengths, parameters.formats, 1)
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
            let rows = Int(PQntuples(result))
            return (rows, rows > 0 ? Int(PQgetlength(result, 0, 0)) : 0)
        default:
            throw ScenarioFailure("PQexecPrepared failed: \(String(cString: PQerrorMessage(handle)))")
        }
    }
}

/// Statement parameters laid out once in libpq's parallel arrays. Fixed-size values are
/// rewritten in place between calls, so the raw loops allocate nothing.
final class RawParameters: @unchecked Sendable {
    /// One parameter: bytes in binary format, or text (NUL-terminated for libpq).
    enum Value {
        case binary([UInt8])
        case text(String)

        /// An `int8` in binary format.
        static func int64(_ value: Int64) -> Value { .binary(withUnsafeBytes(of: value.bigEndian) { Array($0) }) }
        /// An `int4` in binary format.
        static func int32(_ value: Int32) -> Value { .binary(withUnsafeBytes(of: value.bigEndian) { Array($0) }) }
    }

    let count: Int32
    let values: UnsafeMutablePointer<UnsafePointer<CChar>?>
    let lengths: UnsafeMutablePointer<Int32>
    let formats: UnsafeMutablePointer<Int32>
    private let buffers: [UnsafeMutablePointer<UInt8>]

    init(_ parameters: [Value]) {
        count = Int32(parameters.count)
        values = .allocate(capacity: parameters.count)
        lengths = .allocate(capacity: parameters.count)
        formats = .allocate(capacity: parameters.count)
        var buffers: [UnsafeMutablePointer<UInt8>] = []
        for (index, parameter) in parameters.enumerated() {
            let (bytes, binary): ([UInt8], Bool) =
                switch parameter {
                case .binary(let bytes): (bytes, true)
                case .text(let string): (Array(string.utf8), false)
                }
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 1)
            buffer.initialize(from: bytes + [0], count: bytes.count + 1)
            buffers.append(buffer)
            values[index] = UnsafeRawPointer(buffer).assumingMemoryBound(to: CChar.self)
            lengths[index] = Int32(bytes.count)
            formats[index] = binary ? 1 : 0
        }
        self.buffers = buffers
    }

    deinit {
        buffers.forEach { $0.deallocate() }
        values.deallocate()
        lengths.deallocate()
        formats.deallocate()
    }

    /// Overwrites the last 8 bytes of binary parameter `index` with `value`, big-endian: an
    /// `int8` parameter, or the tail of a key.
    func setTail(_ index: Int, _ value: UInt64) {
        let length = Int(lengths[index])
        precondition(length >= 8 && formats[index] == 1, "parameter \(index) has no 8-byte binary tail")
        withUnsafeBytes(of: value.bigEndian) { bytes in
            (buffers[index] + length - 8).update(from: bytes.bindMemory(to: UInt8.self).baseAddress!, count: 8)
        }
    }
}

/// A statement parameter, sent separately from the SQL text: values never become SQL.
///
/// ```swift
/// try await client.query("SELECT payload FROM t WHERE ns = $1 AND key = $2", [.text(ns), .bytes(key)])
/// ```
public enum PostgresBind: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// Text; the server converts it to the parameter's type.
    case text(String)
    /// An integer (`int2`, `int4`, `int8`, `numeric`).
    case int64(Int64)
    /// A boolean.
    case bool(Bool)
    /// Raw bytes, sent in binary format (`bytea`).
    case bytes([UInt8])
    /// A `text[]` array.
    case textArray([String])

    /// The parameter's wire form: its bytes and whether they are binary.
    var wireValue: (bytes: [UInt8], binary: Bool)? {
        switch self {
        case .null: nil
        case .text(let string): (Array(string.utf8), false)
        case .int64(let value): (Array(String(value).utf8), false)
        case .bool(let value): (value ? [0x74] : [0x66], false)
        case .bytes(let bytes): (bytes, true)
        case .textArray(let elements): (Array(Self.arrayLiteral(elements).utf8), false)
        }
    }

    /// `{"a","b \"quoted\""}`: every element quoted, so commas, braces, quotes, backslashes and
    /// the word NULL inside a tag stay data.
    static func arrayLiteral(_ elements: [String]) -> String {
        var literal = "{"
        for (index, element) in elements.enumerated() {
            if index > 0 { literal += "," }
            literal += "\""
            for character in element.unicodeScalars {
                if character == "\"" || character == "\\" { literal += "\\" }
                literal.unicodeScalars.append(character)
            }
            literal += "\""
        }
        return literal + "}"
    }
}

extension Array where Element == PostgresBind {
    /// Refuses what libpq cannot send: text with a NUL character (PostgreSQL's text cannot hold
    /// one; send such data as ``PostgresBind/bytes(_:)``).
    func validate() throws(PostgresError) {
        for (index, bind) in enumerated() {
            let hasNUL: Bool
            switch bind {
            case .text(let string): hasNUL = string.utf8.contains(0)
            case .textArray(let elements): hasNUL = elements.contains { $0.utf8.contains(0) }
            default: hasNUL = false
            }
            if hasNUL {
                throw PostgresError(
                    .misuse,
                    "parameter $\(index + 1) contains a NUL character, which PostgreSQL text cannot store; "
                        + "send it as .bytes")
            }
        }
    }

    /// Calls `body` with libpq's parallel parameter arrays (values, lengths, formats), valid only
    /// inside `body`. Text values are NUL-terminated, as libpq requires.
    func withLibPQParameters<R>(
        _ body: (
            _ values: UnsafePointer<UnsafePointer<CChar>?>?, _ lengths: UnsafePointer<Int32>?,
            _ formats: UnsafePointer<Int32>?
        ) -> R
    ) -> R {
        guard !isEmpty else { return body(nil, nil, nil) }
        var arena: [UInt8] = []
        var offsets: [Int?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        for bind in self {
            guard let (bytes, binary) = bind.wireValue else {
                offsets.append(nil)
                lengths.append(0)
                formats.append(0)
                continue
            }
            offsets.append(arena.count)
            arena.append(contentsOf: bytes)
            arena.append(0)
            lengths.append(Int32(clamping: bytes.count))
            formats.append(binary ? 1 : 0)
        }
        if arena.isEmpty { arena.append(0) }  // every parameter NULL: still a valid base address
        return arena.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
            let values: [UnsafePointer<CChar>?] = offsets.map { $0.map { base + $0 } }
            return values.withUnsafeBufferPointer { values in
                lengths.withUnsafeBufferPointer { lengths in
                    formats.withUnsafeBufferPointer { formats in
                        body(values.baseAddress, lengths.baseAddress, formats.baseAddress)
                    }
                }
            }
        }
    }
}

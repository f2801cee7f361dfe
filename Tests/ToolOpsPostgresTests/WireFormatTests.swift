import Testing

@testable import ToolOpsPostgres

@Suite("Wire formats")
struct WireFormatTests {
    @Test("array literals quote every element, so SQL and array syntax stay data")
    func arrayLiteral() {
        #expect(PostgresBind.arrayLiteral([]) == "{}")
        #expect(PostgresBind.arrayLiteral(["a", "b,c", "NULL"]) == #"{"a","b,c","NULL"}"#)
        #expect(PostgresBind.arrayLiteral([#"q"uote"#, #"back\slash"#, "{}"]) == #"{"q\"uote","back\\slash","{}"}"#)
    }

    @Test("binary cells decode to their Swift values")
    func binaryCells() {
        func decode(_ bytes: [UInt8], _ oid: UInt32) -> PostgresCell {
            bytes.withUnsafeBytes { BinaryCellDecoder.decode($0, oid: oid) }
        }
        #expect(decode([0, 0, 0, 0, 0, 0, 1, 0], 20) == .int(256))
        #expect(decode([0xFF, 0xFF, 0xFF, 0xFE], 23) == .int(-2))
        #expect(decode([1], 16) == .bool(true))
        #expect(decode(Array("héllo".utf8), 25) == .text("héllo"))
        #expect(decode([0, 255], 17) == .bytes([0, 255]))
        #expect(decode([0x3F, 0xF8, 0, 0, 0, 0, 0, 0], 701) == .double(1.5))
        #expect(decode([1, 2], 9999) == .other(oid: 9999, bytes: [1, 2]))
    }

    @Test("a one-dimensional text array decodes, NULL elements skipped; a malformed one is not guessed at")
    func textArray() {
        var bytes: [UInt8] = []
        func int32(_ value: Int32) { withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) } }
        int32(1)  // dimensions
        int32(1)  // has nulls
        int32(25)  // element type
        int32(3)  // size
        int32(1)  // lower bound
        int32(2)
        bytes.append(contentsOf: Array("ab".utf8))
        int32(-1)
        int32(0)
        #expect(bytes.withUnsafeBytes { BinaryCellDecoder.textArray($0) } == ["ab", ""])
        #expect(Array(bytes.prefix(10)).withUnsafeBytes { BinaryCellDecoder.textArray($0) } == nil)
    }

    @Test("identifiers are quoted, embedded quotes doubled, and checked against PostgreSQL's limit")
    func identifiers() throws {
        #expect(try SQLIdentifier("cache", field: "table").quoted == #""cache""#)
        #expect(try SQLIdentifier(#"a"b"#, field: "table").quoted == #""a""b""#)
        let long = try SQLIdentifier(String(repeating: "é", count: 31), field: "table")  // 62 bytes
        #expect(long.suffixed("_stats").name.utf8.count <= 63)
        #expect(long.suffixed("_stats").name.hasSuffix("_stats"))
        #expect(throws: PostgresError.self) { try SQLIdentifier(String(repeating: "x", count: 64), field: "table") }
        #expect(throws: PostgresError.self) { try SQLIdentifier("", field: "schema") }
    }

    @Test("statement names are stable and differ between statements")
    func statementNames() {
        #expect(PostgresStatement("SELECT 1").name == PostgresStatement("SELECT 1").name)
        #expect(PostgresStatement("SELECT 1").name != PostgresStatement("SELECT 2").name)
    }
}

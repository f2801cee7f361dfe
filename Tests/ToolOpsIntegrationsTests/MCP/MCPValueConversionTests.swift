import Foundation
import MCP
import Testing
import ToolOpsCore
import ToolOpsIntegrations

/// `JSONValue` ⇄ MCP `Value`: lossless for JSON, with the two documented edge cases.
@Suite("JSONValue and MCP Value")
struct MCPValueConversionTests {
    static let document: JSONValue = [
        "name": "Paris", "days": 3, "ratio": 0.5, "ok": true, "none": .null,
        "tags": ["a", 1, ["nested": [false]]],
    ]

    @Test("JSON round-trips through MCP's Value unchanged")
    func roundTrip() {
        #expect(JSONValue(mcp: Value(json: Self.document)) == Self.document)
        #expect(Value(json: ["days": 3]) == .object(["days": .int(3)]))
        #expect(Value(json: ["ratio": 0.5]) == .object(["ratio": .double(0.5)]))
    }

    @Test("an integer above Int.max becomes a double")
    func hugeInteger() {
        #expect(Value(json: .uint(UInt64.max)) == .double(Double(UInt64.max)))
    }

    @Test("MCP data becomes its data-URL string, as the SDK writes it on the wire")
    func data() throws {
        let value = Value.data(mimeType: "image/png", Data([1, 2, 3]))
        let wire = try JSONValue(parsing: String(decoding: JSONEncoder().encode(value), as: UTF8.self))
        #expect(JSONValue(mcp: value) == wire)
        #expect(JSONValue(mcp: value) == "data:image/png;base64,AQID")
    }
}

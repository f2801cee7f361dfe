import Foundation
import Testing
import ToolOpsCore

@Suite("JSONValue encoding and decoding")
struct JSONValueTests {
    struct Everything: Codable, Equatable {
        enum Kind: String, Codable { case alpha, beta }
        var text: String
        var int: Int
        var uint8: UInt8
        var double: Double
        var float: Float
        var flag: Bool
        var list: [Int]
        var nested: [String: [String]]
        var kind: Kind
        var date: Date
        var url: URL
        var data: Data
        var optional: String?
    }

    let sample = Everything(
        text: "héllo \"quoted\"\n",
        int: -42,
        uint8: 200,
        double: 0.1,
        float: 0.1,
        flag: true,
        list: [3, 1, 2],
        nested: ["b": ["x"], "a": []],
        kind: .beta,
        date: Date(timeIntervalSince1970: 1_700_000_000.5),
        url: URL(string: "https://example.com/a?b=c")!,
        data: Data([0, 1, 2, 255]),
        optional: nil
    )

    @Test("every supported type round-trips through JSONValue")
    func roundTrip() throws {
        let json = try JSONValueEncoder().encode(sample)
        let decoded = try JSONValueDecoder().decode(Everything.self, from: json)
        #expect(decoded == sample)
        #expect(json["optional"] == nil)
        #expect(json["float"] == .double(0.1))
        #expect(json["date"] == "2023-11-14T22:13:20.500Z")
        #expect(json["data"] == "AAEC/w==")
    }

    @Test("canonical text sorts keys, escapes strings and is parseable")
    func canonicalText() throws {
        let value: JSONValue = ["b": [1, 2.5, "x\u{1}"], "a": nil, "c": ["z": true, "y": false]]
        let text = value.description
        #expect(text == #"{"a":null,"b":[1,2.5,"x\u0001"],"c":{"y":false,"z":true}}"#)
        #expect(try JSONValue(parsing: text) == value)
    }

    @Test("non-finite numbers are rejected with an encoding error")
    func nonFiniteRejected() {
        #expect(throws: EncodingError.self) { try JSONValueEncoder().encode(["x": Double.nan]) }
    }

    @Test("malformed JSON text is a JSONParseError")
    func malformedText() {
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: #"{"a": }"#) }
    }

    @Test("an integer too large for the target type is an error, not a wrap-around")
    func integerOverflow() {
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(UInt8.self, from: .int(300)) }
        #expect(try! JSONValueDecoder().decode(Int.self, from: .double(7)) == 7)
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(Int.self, from: .double(7.5)) }
    }
}

/// A single-pass RFC 8259 parser over UTF-8 bytes, behind `JSONValue(parsing:)`.
///
/// It gives the `JSONValue` that decoding the same bytes with Foundation's `JSONDecoder` through
/// `JSONValue`'s `Decodable` conformance gives (numbers: `JSONParser+Numbers.swift`), including the
/// nesting limit (512), a skipped UTF-8 byte order mark and first-wins duplicate keys. It is stricter
/// in three ways: trailing commas are rejected, the value of a duplicate key is checked although it is
/// dropped (`JSONDecoder` never looked at it), and the bytes must be UTF-8 (`JSONDecoder` also
/// detected UTF-16 and UTF-32).
struct JSONParser {
    /// The deepest nesting of arrays and objects accepted, as in `JSONDecoder`.
    static let maximumDepth = 512

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    private var depth = 0
    /// Elements of the arrays being parsed, innermost last; one exact-size array is made of each.
    private var elements: [JSONValue] = []
    /// Members of the objects being parsed, innermost last.
    private var members: [(key: String, value: JSONValue)] = []
    /// The bytes of a string with escapes, as it is unescaped.
    private var unescaped: [UInt8] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses one JSON document filling all of `bytes`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    private mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        skipWhitespace()
        guard index < bytes.count else {
            throw JSONParseError(reason: index == 0 ? "empty input" : "no value, only whitespace")
        }
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else {
            throw JSONParseError(reason: "unexpected \(describeByte(at: index)) at byte \(index) after the JSON value")
        }
        return value
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return
            }
        }
    }

    /// Parses the value at `index`, which is past any whitespace.
    private mutating func parseValue() throws(JSONParseError) -> JSONValue {
        guard index < bytes.count else { throw unexpected(expecting: "a value") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "t"):
            try parseLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try parseLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try parseLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw unexpected(expecting: "a value")
        }
    }

    private mutating func parseLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        guard bytes.count - index >= count, (0..<count).allSatisfy({ bytes[index + $0] == start[$0] }) else {
            throw JSONParseError(reason: "invalid literal at byte \(index), expected '\(literal)'")
        }
        index += count
    }

    private mutating func enterContainer() throws(JSONParseError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw JSONParseError(
                reason: "arrays and objects nested deeper than \(Self.maximumDepth) levels at byte \(index)")
        }
        index += 1
        skipWhitespace()
    }

    private mutating func parseArray() throws(JSONParseError) -> JSONValue {
        let start = index
        try enterContainer()
        defer { depth -= 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        if elements.capacity == 0 { elements.reserveCapacity(16) }
        let base = elements.count
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw unterminated("array", start: start) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                let comma = index
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw trailingComma(at: comma) }
            case UInt8(ascii: "]"):
                index += 1
                let array = Array(elements[base...])
                elements.removeSubrange(base...)
                return .array(array)
            default:
                throw unexpected(expecting: "',' or ']' in the array starting at byte \(start)")
            }
        }
    }

    private mutating func parseObject() throws(JSONParseError) -> JSONValue {
        let start = index
        try enterContainer()
        defer { depth -= 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object([:])
        }
        if members.capacity == 0 { members.reserveCapacity(16) }
        let base = members.count
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw unexpected(expecting: "a string key in the object starting at byte \(start)")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw unexpected(expecting: "':' after the key")
            }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw unterminated("object", start: start) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                let comma = index
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { throw trailingComma(at: comma) }
            case UInt8(ascii: "}"):
                index += 1
                var object = [String: JSONValue](minimumCapacity: members.count - base)
                // Last first, so that of duplicate keys the first one stays, as with JSONDecoder.
                while members.count > base {
                    let member = members.removeLast()
                    object[member.key] = member.value
                }
                return .object(object)
            default:
                throw unexpected(expecting: "',' or '}' in the object starting at byte \(start)")
            }
        }
    }

    // MARK: Strings

    /// Parses the string whose opening quote is at `index`.
    private mutating func parseString() throws(JSONParseError) -> String {
        let quote = index
        index += 1
        let start = index
        var ascii: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let string = try makeString(start..<index, ascii: ascii < 0x80)
                index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(quote: quote, start: start) }
            if byte < 0x20 { throw controlCharacter(byte) }
            ascii |= byte
            index += 1
        }
        throw unterminated("string", start: quote)
    }

    private func makeString(_ range: Range<Int>, ascii: Bool) throws(JSONParseError) -> String {
        let buffer = UnsafeBufferPointer(rebasing: bytes[range])
        if ascii { return String(decoding: buffer, as: UTF8.self) }
        guard let string = String(validating: buffer, as: UTF8.self) else { throw invalidUTF8(in: range) }
        return string
    }

    /// Parses the rest of a string from the first backslash at `index` on.
    private mutating func parseEscapedString(quote: Int, start: Int) throws(JSONParseError) -> String {
        unescaped.removeAll(keepingCapacity: true)
        unescaped.append(contentsOf: bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                if let string = String(validating: unescaped, as: UTF8.self) { return string }
                throw invalidUTF8(in: start..<(index - 1))
            case UInt8(ascii: "\\"):
                try parseEscape()
            case 0..<0x20:
                throw controlCharacter(byte)
            default:
                unescaped.append(byte)
                index += 1
            }
        }
        throw unterminated("string", start: quote)
    }

    /// Appends the character escaped by the backslash at `index` to `unescaped`.
    private mutating func parseEscape() throws(JSONParseError) {
        let backslash = index
        index += 1
        guard index < bytes.count else { throw unterminated("string", start: backslash) }
        let unescapedByte: UInt8
        switch bytes[index] {
        case UInt8(ascii: "\""): unescapedByte = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): unescapedByte = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): unescapedByte = UInt8(ascii: "/")
        case UInt8(ascii: "b"): unescapedByte = 0x08
        case UInt8(ascii: "f"): unescapedByte = 0x0C
        case UInt8(ascii: "n"): unescapedByte = UInt8(ascii: "\n")
        case UInt8(ascii: "r"): unescapedByte = UInt8(ascii: "\r")
        case UInt8(ascii: "t"): unescapedByte = UInt8(ascii: "\t")
        case UInt8(ascii: "u"):
            index += 1
            return try parseUnicodeEscape(backslash: backslash)
        default:
            throw JSONParseError(
                reason: "invalid escape '\\\(describeByte(at: index, quoted: false))' at byte \(backslash)")
        }
        unescaped.append(unescapedByte)
        index += 1
    }

    /// Parses the hex digits of a `\u` escape (and of a second one, for a surrogate pair).
    private mutating func parseUnicodeEscape(backslash: Int) throws(JSONParseError) {
        var code = try parseHex4(backslash: backslash)
        switch code {
        case 0xD800..<0xDC00:
            guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw unpairedSurrogate(code, at: backslash) }
            let lowBackslash = index
            index += 2
            let low = try parseHex4(backslash: lowBackslash)
            guard (0xDC00..<0xE000).contains(low) else { throw unpairedSurrogate(code, at: backslash) }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00..<0xE000:
            throw unpairedSurrogate(code, at: backslash)
        default:
            break
        }
        // `code` is now a Unicode scalar value: append its UTF-8 encoding.
        switch code {
        case 0..<0x80:
            unescaped.append(UInt8(code))
        case 0x80..<0x800:
            unescaped.append(UInt8(0xC0 | code >> 6))
            unescaped.append(UInt8(0x80 | code & 0x3F))
        case 0x800..<0x10000:
            unescaped.append(UInt8(0xE0 | code >> 12))
            unescaped.append(UInt8(0x80 | code >> 6 & 0x3F))
            unescaped.append(UInt8(0x80 | code & 0x3F))
        default:
            unescaped.append(UInt8(0xF0 | code >> 18))
            unescaped.append(UInt8(0x80 | code >> 12 & 0x3F))
            unescaped.append(UInt8(0x80 | code >> 6 & 0x3F))
            unescaped.append(UInt8(0x80 | code & 0x3F))
        }
    }

    private mutating func parseHex4(backslash: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw unterminated("string", start: backslash) }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw JSONParseError(
                    reason: "invalid \\u escape at byte \(backslash): \(describeByte(at: index)) is not a hex digit")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    // MARK: Errors

    /// The byte at `offset` for a message: `'x'` when printable ASCII, else its hex value.
    func describeByte(at offset: Int, quoted: Bool = true) -> String {
        let byte = bytes[offset]
        guard (0x21..<0x7F).contains(byte) else {
            let hex = String(byte, radix: 16, uppercase: true)
            return "byte 0x\(byte < 0x10 ? "0" : "")\(hex)"
        }
        let character = String(UnicodeScalar(byte))
        return quoted ? "'\(character)'" : character
    }

    func unexpected(expecting expected: String) -> JSONParseError {
        guard index < bytes.count else {
            return JSONParseError(reason: "unexpected end of input at byte \(index), expected \(expected)")
        }
        return JSONParseError(reason: "unexpected \(describeByte(at: index)) at byte \(index), expected \(expected)")
    }

    private func unterminated(_ what: String, start: Int) -> JSONParseError {
        JSONParseError(reason: "unexpected end of input at byte \(index) in the \(what) starting at byte \(start)")
    }

    private func trailingComma(at offset: Int) -> JSONParseError {
        JSONParseError(reason: "trailing comma at byte \(offset)")
    }

    private func controlCharacter(_ byte: UInt8) -> JSONParseError {
        let hex = String(byte, radix: 16, uppercase: true)
        return JSONParseError(
            reason: "unescaped control character U+\(byte < 0x10 ? "000" : "00")\(hex) in a string at byte \(index)")
    }

    private func unpairedSurrogate(_ code: UInt32, at offset: Int) -> JSONParseError {
        let hex = String(code, radix: 16, uppercase: true)
        return JSONParseError(reason: "unpaired UTF-16 surrogate \\u\(hex) at byte \(offset)")
    }

    /// The error for a string whose raw bytes in `range` are not all valid UTF-8 (escapes are ASCII,
    /// so the first invalid sequence is found in the raw bytes).
    private func invalidUTF8(in range: Range<Int>) -> JSONParseError {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let length = Self.validUTF8SequenceLength(bytes, at: offset, end: range.upperBound)
            if length == 0 { break }
            offset += length
        }
        return JSONParseError(reason: "invalid UTF-8 in a string at byte \(offset)")
    }

    /// The length of the valid UTF-8 sequence at `offset`, or 0 when the bytes there are not one.
    private static func validUTF8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, end: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0..<0x80: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            lower = 0xA0
        case 0xED:
            length = 3
            upper = 0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0:
            length = 4
            lower = 0x90
        case 0xF4:
            length = 4
            upper = 0x8F
        case 0xF1...0xF3: length = 4
        default: return 0
        }
        guard end - offset >= length, (lower...upper).contains(bytes[offset + 1]) else { return 0 }
        for next in (offset + 2)..<(offset + length) where !(0x80...0xBF).contains(bytes[next]) { return 0 }
        return length
    }
}

import Logging

/// Builds one line of compact JSON as UTF-8 bytes, without Foundation.
///
/// Only the pieces a log record needs: strings, swift-log metadata values, and an ISO 8601
/// timestamp (see `JSONLineEncoder+Timestamp.swift`). Object keys of metadata dictionaries are
/// written in sorted order so the same record always gives the same line.
struct JSONLineEncoder {
    var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(ascii character: Unicode.Scalar) {
        bytes.append(UInt8(ascii: character))
    }

    /// Appends `"key":`.
    mutating func appendKey(_ key: String) {
        appendString(key)
        append(ascii: ":")
    }

    /// Appends `string` as a quoted JSON string.
    ///
    /// Escapes `"` and `\`, writes control characters as `\n`, `\t`… or `\u00XX`, and escapes
    /// U+2028 and U+2029 (legal JSON, but line breaks to JavaScript and some log viewers).
    /// Everything else is copied as UTF-8, which a Swift `String` always holds validly.
    mutating func appendString(_ string: String) {
        append(ascii: "\"")
        // Fast path: most log text needs no escaping at all, and native strings are contiguous.
        let copied = string.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard !buffer.contains(where: Self.needsEscaping) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if copied != true {
            if copied == nil, !string.utf8.contains(where: Self.needsEscaping) {
                bytes.append(contentsOf: string.utf8)
            } else {
                for scalar in string.unicodeScalars {
                    appendEscaped(scalar)
                }
            }
        }
        append(ascii: "\"")
    }

    /// Whether a UTF-8 byte may need escaping: control characters, `"`, `\\`, and 0xE2, which
    /// starts U+2028 and U+2029.
    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2
    }

    private mutating func appendEscaped(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "\"": bytes.append(contentsOf: [0x5C, 0x22])
        case "\\": bytes.append(contentsOf: [0x5C, 0x5C])
        case "\n": bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
        case "\r": bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
        case "\t": bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
        case "\u{08}": bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
        case "\u{0C}": bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
        case "\u{00}"..."\u{1F}", "\u{2028}", "\u{2029}": appendUnicodeEscape(scalar.value)
        default: UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    /// Appends `\uXXXX` with lowercase hex digits, for a scalar in the Basic Multilingual Plane.
    private mutating func appendUnicodeEscape(_ value: UInt32) {
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((value >> UInt32(shift)) & 0xF)
            bytes.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
        }
    }

    /// Appends a metadata value: strings and string-convertibles as strings, arrays and
    /// dictionaries as JSON arrays and objects (keys sorted), recursively.
    mutating func appendValue(_ value: Logger.MetadataValue) {
        switch value {
        case .string(let string):
            appendString(string)
        case .stringConvertible(let convertible):
            appendString(convertible.description)
        case .array(let elements):
            append(ascii: "[")
            for (index, element) in elements.enumerated() {
                if index > 0 { append(ascii: ",") }
                appendValue(element)
            }
            append(ascii: "]")
        case .dictionary(let dictionary):
            append(ascii: "{")
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { append(ascii: ",") }
                appendKey(key)
                appendValue(dictionary[key]!)
            }
            append(ascii: "}")
        }
    }
}

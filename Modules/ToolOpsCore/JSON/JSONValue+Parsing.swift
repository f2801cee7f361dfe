extension JSONValue {
    /// Parses JSON text.
    ///
    /// - Throws: ``JSONParseError`` describing what is wrong with the text.
    public init(parsing text: String) throws {
        var text = text
        self = try text.withUTF8 { try JSONParser.parse($0) }
    }

    /// Parses JSON from UTF-8 bytes.
    ///
    /// The text must be RFC 8259 JSON (a leading UTF-8 byte order mark is skipped). Numbers map as
    /// `JSONValue`'s `Decodable` conformance maps them when decoding with Foundation's `JSONDecoder`:
    /// integers are ``int(_:)``, or ``uint(_:)`` above `Int64.max`; other numbers that are whole, such as
    /// `1.0` or `1e3`, are integers too; the rest are ``double(_:)``. Of duplicate object keys, the
    /// first is kept.
    ///
    /// - Throws: ``JSONParseError`` describing what is wrong with the bytes, and at which byte offset.
    public init(parsing bytes: [UInt8]) throws {
        self = try bytes.withUnsafeBufferPointer { try JSONParser.parse($0) }
    }
}

/// JSON text that could not be parsed.
public struct JSONParseError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the text, and where (a byte offset from the start of the text).
    public let reason: String

    public var description: String { "invalid JSON: \(reason)" }
}
